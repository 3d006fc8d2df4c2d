/**
 * Share link and Save file: the run on screen as a link (its data in the URL's hash) or as a
 * scenario file to download; and a run link in the address, at start or pasted later, opened
 * as the same run, or its problems listed over the scene while the usual scenario runs.
 */
import './share.css';
import { isShareHash, readShareHash, shareLink, MAX_LINK_CHARS } from '../../app/share-link';
import { scenarioFile } from '../../app/scenario-file';
import type { ShippedScenario } from '../../app/run-snapshot';
import type { ScenarioProblem } from '../../model/scenario/parse-scenario';
import { byId, h } from '../dom';
import { download } from '../download';
import { formatDayClock, formatInteger, onLanguageChange, t } from '../i18n/i18n';
import type { PageController } from '../page-controller';
import { problemList } from './problems';

/** What the share box says: a link (copied or to copy), a link too long, or nothing to share. */
type ShareMessage = { kind: 'link'; url: string; copied: boolean; timeSec: number } | { kind: 'tooLong'; length: number } | { kind: 'nothing' };

export interface SharePanel {
  /** Opens the run a `#run=` hash carries, or lists its problems; false when it opened nothing (any other hash is left alone). */
  openLink(hash: string): boolean;
}

export function connectShare(controller: PageController, shipped: readonly ShippedScenario[]): SharePanel {
  const shareBox = new ShareBox(() => saveFile(controller, () => shareBox.show({ kind: 'nothing' })));
  const linkProblems = new LinkProblems(byId('scene'));

  byId('share-link').addEventListener('click', async () => {
    const snapshot = controller.snapshot('applied');
    if (!snapshot) return shareBox.show({ kind: 'nothing' });
    const link = shareLink(location.href, snapshot, shipped);
    if (!link.ok) return shareBox.show({ kind: 'tooLong', length: link.length });
    shareBox.show({ kind: 'link', url: link.url, copied: await copied(link.url), timeSec: snapshot.timeSec });
  });
  byId('save-file').addEventListener('click', () => saveFile(controller, () => shareBox.show({ kind: 'nothing' })));

  const openLink = (hash: string): boolean => {
    if (!isShareHash(hash)) return false;
    const result = readShareHash(hash, shipped);
    forgetHash();
    if (!result.ok) {
      linkProblems.show(result.problems);
      return false;
    }
    linkProblems.hide();
    controller.openSnapshot(result.snapshot);
    return true;
  };
  // A link pasted into the address bar of an open page changes only the hash: no reload.
  window.addEventListener('hashchange', () => openLink(location.hash));
  return { openLink };
}

/** The link is opened: the address goes back to the page's own, so a reload does not open it over later work. */
function forgetHash(): void {
  try {
    history.replaceState(history.state, '', location.pathname + location.search);
  } catch {
    // A page where the history cannot be rewritten keeps the hash; nothing else depends on it.
  }
}

async function copied(url: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(url);
    return true;
  } catch {
    // Not allowed (no permission, an insecure page, no clipboard API): the box shows the link to copy by hand.
    return false;
  }
}

/** Downloads the run on screen as a scenario file, or says there is none. */
function saveFile(controller: PageController, nothing: () => void): void {
  const snapshot = controller.snapshot('applied');
  const entry = controller.entries[controller.selected];
  const file = snapshot && entry ? scenarioFile(snapshot, entry.file) : null;
  if (!file?.ok) return nothing();
  download(file.name, file.text);
}

/** The box under the top bar that says what Share did: the link, or why there is none. */
class ShareBox {
  private readonly text = h('p', { id: 'share-message' });
  private readonly input = h('input', { id: 'share-url', type: 'text', readonly: true, spellcheck: 'false' });
  private readonly save = h('button', { type: 'button', id: 'share-save' });
  private readonly close = h('button', { type: 'button', class: 'close' });
  private readonly root = h('div', { id: 'share-box', class: 'share-box', role: 'status' }, this.text, this.input, h('div', { class: 'share-actions' }, this.save, this.close));
  private shown: ShareMessage | null = null;

  constructor(onSave: () => void) {
    this.root.hidden = true;
    this.save.addEventListener('click', onSave);
    this.close.addEventListener('click', () => this.hide());
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide();
    });
    document.body.append(this.root);
    onLanguageChange(() => {
      if (this.shown) this.render(this.shown);
    });
  }

  show(message: ShareMessage): void {
    this.shown = message;
    this.render(message);
    this.root.hidden = false;
    if (message.kind === 'link') {
      this.input.focus();
      this.input.select();
    } else (message.kind === 'tooLong' ? this.save : this.close).focus();
  }

  private hide(): void {
    this.shown = null;
    this.root.hidden = true;
  }

  private render(message: ShareMessage): void {
    this.text.textContent =
      message.kind === 'link'
        ? t(message.copied ? 'share.copied' : 'share.copyThis', { time: formatDayClock(message.timeSec) })
        : message.kind === 'tooLong'
          ? t('share.tooLong', { length: formatInteger(message.length), max: formatInteger(MAX_LINK_CHARS) })
          : t('share.nothing');
    this.input.hidden = message.kind !== 'link';
    this.input.value = message.kind === 'link' ? message.url : '';
    this.input.setAttribute('aria-label', t('share.linkLabel'));
    this.save.hidden = message.kind !== 'tooLong';
    this.save.textContent = t('share.save');
    this.close.textContent = t('share.close');
  }
}

/** A link's problems over the scene, like a bad file's, with a close button: the page runs on underneath. */
class LinkProblems {
  private readonly root = h('div', { id: 'link-problems', class: 'problems link-problems', role: 'alert' });
  private shown: readonly ScenarioProblem[] | null = null;

  constructor(host: HTMLElement) {
    this.root.hidden = true;
    host.append(this.root);
    onLanguageChange(() => {
      if (this.shown) this.show(this.shown);
    });
  }

  show(problems: readonly ScenarioProblem[]): void {
    this.shown = problems;
    const close = h('button', { type: 'button', class: 'close', text: t('share.close') });
    close.addEventListener('click', () => this.hide());
    this.root.replaceChildren(h('h2', { text: t('share.linkProblems') }), problemList(problems, 'link-problem-list'), close);
    this.root.hidden = false;
  }

  hide(): void {
    this.shown = null;
    this.root.hidden = true;
  }
}
