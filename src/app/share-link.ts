/**
 * Share links: a run (scenario or its edits to a shipped one, seed, what-if settings, simulated
 * time) in the page URL's hash, `#run=1.<data>`, where the data is the snapshot's JSON as
 * base64url. The hash never leaves the browser (it is not sent to a server), and the page reads
 * it as data only: nothing in it is a URL, so opening a link never makes the page fetch anything.
 *
 * No compression: every shipped scenario whole is under 6,000 characters this way, and an edited
 * shipped scenario travels as its edits, which is usually a few hundred. A run that would not fit
 * in MAX_LINK_CHARS is refused with the advice to save a file instead.
 */
import type { ScenarioProblem } from '../model/scenario/parse-scenario';
import { readSnapshot, snapshotData, type RunSnapshot, type ShippedScenario, type SnapshotResult } from './run-snapshot';

/** The link format this Kituo writes and reads (the number after `#run=`). */
export const SHARE_LINK_VERSION = 1;
const HASH_PREFIX = '#run=';
/**
 * Longest link made or read. Browsers accept far longer URLs, but mail clients, chat apps and
 * URL shorteners cut or refuse them somewhere past a few thousand characters.
 */
export const MAX_LINK_CHARS = 8000;

export type ShareLinkResult = { ok: true; url: string } | { ok: false; length: number; message: string };

/** The link that reopens `snapshot` on `pageUrl` (whose own hash, if any, is replaced). */
export function shareLink(pageUrl: string, snapshot: RunSnapshot, shipped: readonly ShippedScenario[]): ShareLinkResult {
  const json = JSON.stringify(snapshotData(snapshot, shipped));
  const url = `${pageUrl.split('#')[0]}${HASH_PREFIX}${SHARE_LINK_VERSION}.${toBase64Url(new TextEncoder().encode(json))}`;
  if (url.length <= MAX_LINK_CHARS) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: `This run would need a link of ${url.length.toLocaleString('en-US')} characters; links stop at ${MAX_LINK_CHARS.toLocaleString('en-US')}, so save the scenario as a file and share that instead.`,
  };
}

/** True when the hash is meant as a run link (so the page reads it instead of ignoring it). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(HASH_PREFIX);
}

/** The run a link's hash (`location.hash`, with its `#`) carries, or what is wrong with it. Never throws. */
export function readShareHash(hash: string, shipped: readonly ShippedScenario[]): SnapshotResult {
  // Checked before anything else is done with it, so a 50 MB hash costs one comparison.
  if (hash.length > MAX_LINK_CHARS) return linkProblem(`is ${hash.length.toLocaleString('en-US')} characters long; a Kituo link is at most ${MAX_LINK_CHARS.toLocaleString('en-US')}`);
  if (!isShareHash(hash)) return linkProblem(`is not a Kituo run link (it should start with ${HASH_PREFIX})`);
  const body = hash.slice(HASH_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot > 0 ? body.slice(0, dot) : '';
  if (!/^[1-9]\d{0,5}$/.test(version)) return linkProblem(`has no link version after ${HASH_PREFIX}: it was cut or changed when copied`);
  if (Number(version) > SHARE_LINK_VERSION) {
    return linkProblem(`was made by a newer Kituo (link version ${version}; this one reads version ${SHARE_LINK_VERSION} at most): open it there`);
  }
  const bytes = fromBase64Url(body.slice(dot + 1));
  if (!bytes) return linkProblem('is damaged: it holds characters or a length a Kituo link never has (was it cut or changed when copied?)');
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return linkProblem('is damaged: its data is not valid JSON text (was it cut or changed when copied?)');
  }
  return readSnapshot(data, shipped);
}

function linkProblem(message: string): { ok: false; problems: ScenarioProblem[] } {
  return { ok: false, problems: [{ path: '', message: `the link ${message}` }] };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole large array would overflow the argument stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The bytes of unpadded base64url text, or null for text that is not base64url. */
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
