/**
 * The round file (a saved round, and the round kept between visits): checked field by field with
 * the scenario's own wording of problems ("teams[1].name: must be at most 60 characters"), every
 * number bounded. What can only be checked against the round's scenario (its groups, shifts and
 * teams) is round-config.ts's job.
 */
import { z } from 'zod';
import { validateWithSchema, type ScenarioProblem } from '../../model/scenario/parse-scenario';
import { finite, id, MAX_AMOUNT, MAX_STAFF, wholeNumberIn } from '../../model/scenario/schema-primitives';
import { MAX_REPLICATIONS, MAX_TEAM_NAME, MAX_TEAMS, MAX_WEIGHT, MIN_REPLICATIONS, ROUND_FORMAT_VERSION, type Round } from './round';

/** A round file is small; anything larger is refused before it is parsed. */
export const MAX_ROUND_CHARS = 1_000_000;
/** Intervals of a day at the finest reporting interval (1 minute). */
const MAX_INTERVALS = 1440;

const headCount = wholeNumberIn(0, MAX_STAFF);
const share = z.number().min(0, { message: 'must be >= 0' }).max(1, { message: 'must be <= 1' }).nullable();

const teamSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }).max(MAX_TEAM_NAME, { message: `must be at most ${MAX_TEAM_NAME} characters` }),
  decisions: z.strictObject({
    agents: z.record(id(), z.union([headCount, z.array(headCount).min(1).max(100)])),
    clerks: z.record(id(), headCount),
  }),
});

const figuresSchema = z.strictObject({
  serviceLevel: share,
  abandonRate: share,
  onTimeRate: share,
  costPerDay: finite(MAX_AMOUNT).min(0, { message: 'must be >= 0' }).nullable(),
  intervalServiceLevel: z.array(share).max(MAX_INTERVALS),
});

export const roundSchema = z
  .strictObject({
    formatVersion: z.literal(ROUND_FORMAT_VERSION, { message: `must be ${ROUND_FORMAT_VERSION}: this Kituo reads round files of version ${ROUND_FORMAT_VERSION}` }),
    source: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('scenario'), file: z.string().min(1).max(200) }), z.strictObject({ kind: z.literal('lesson'), lesson: id() })]),
    seed: wholeNumberIn(0, 2 ** 31 - 1),
    replications: wholeNumberIn(MIN_REPLICATIONS, MAX_REPLICATIONS),
    locked: z.strictObject({ agents: z.array(id()).max(100), clerks: z.array(id()).max(100) }),
    budgetPerDay: finite(MAX_AMOUNT)
      .refine((v) => v > 0, { message: 'must be > 0 (or null for no budget)' })
      .nullable(),
    overBudgetPenalty: finite(100).min(0, { message: 'must be >= 0' }),
    weights: z
      .strictObject({
        serviceLevel: finite(MAX_WEIGHT).min(0, { message: 'must be >= 0' }),
        abandoned: finite(MAX_WEIGHT).min(0, { message: 'must be >= 0' }),
        onTime: finite(MAX_WEIGHT).min(0, { message: 'must be >= 0' }),
        cost: finite(MAX_WEIGHT).min(0, { message: 'must be >= 0' }),
      })
      .refine((w) => w.serviceLevel + w.abandoned + w.onTime + w.cost > 0, { message: 'must give at least one KPI a weight above 0' }),
    teams: z.array(teamSchema).max(MAX_TEAMS, { message: `must have at most ${MAX_TEAMS} teams` }),
    results: z.strictObject({ intervals: z.array(z.string().max(5)).max(MAX_INTERVALS), teams: z.array(figuresSchema).max(MAX_TEAMS) }).optional(),
  })
  .superRefine((round, ctx) => {
    const seen = new Map<string, number>();
    round.teams.forEach((team, i) => {
      const key = team.name.trim().toLocaleLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['teams', i, 'name'], message: `is the same as team ${seen.get(key)! + 1}'s name ("${team.name}")` });
      else seen.set(key, i);
    });
    if (round.results) {
      if (round.results.teams.length !== round.teams.length) {
        ctx.addIssue({ code: 'custom', path: ['results', 'teams'], message: `must hold one entry per team (${round.teams.length}) (got ${round.results.teams.length})` });
      }
      round.results.teams.forEach((team, i) => {
        if (team.intervalServiceLevel.length !== round.results!.intervals.length) {
          ctx.addIssue({ code: 'custom', path: ['results', 'teams', i, 'intervalServiceLevel'], message: `must hold one figure per interval (${round.results!.intervals.length}) (got ${team.intervalServiceLevel.length})` });
        }
      });
    }
  });

export type RoundRead = { ok: true; round: Round } | { ok: false; problems: ScenarioProblem[] };

/** A round from data (a parsed file, or what was kept between visits). */
export function validateRound(data: unknown): RoundRead {
  const checked = validateWithSchema(roundSchema, data);
  return checked.ok ? { ok: true, round: checked.data as Round } : checked;
}

/** A round from a file's text: too large, not JSON, or not a round each give their problem. */
export function parseRoundText(text: string): RoundRead {
  if (text.length > MAX_ROUND_CHARS) {
    return { ok: false, problems: [{ path: '', message: `is ${text.length.toLocaleString('en-US')} characters long; a round file is at most ${MAX_ROUND_CHARS.toLocaleString('en-US')}` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return validateRound(data);
}

/** The round as a file's text. */
export function roundText(round: Round): string {
  return `${JSON.stringify(round, null, 2)}\n`;
}
