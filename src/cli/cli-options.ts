/**
 * The options every batch command shares (--seed, --replications, --format, --out, --set, --vary,
 * --workers, --progress), read and checked before any work starts, so a typo costs nothing and
 * names itself.
 */
import { availableParallelism } from 'node:os';

/** Bad input from the user: printed one problem a line, exit code 2, never a stack trace. */
export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

export type OutputFormat = 'table' | 'json' | 'csv';

/** How progress is shown on stderr: a bar (a terminal's default), JSON lines for tools, or nothing. */
export type ProgressMode = 'bar' | 'json' | 'none';
const PROGRESS_MODES: readonly ProgressMode[] = ['bar', 'json', 'none'];

export interface CommandOptions {
  files: string[];
  seed?: number;
  replications: number;
  format: OutputFormat;
  out?: string;
  /** `PATH=VALUE` of each --set, in order, with the index of the file it follows (-1 before any file: it applies to all). */
  sets: { assignment: string; file: number }[];
  /** `PATH=v1,v2,…` of each --vary, in order. */
  varies: string[];
  /** Per-interval rows in the table as well (JSON and CSV always have them). */
  intervals: boolean;
  /** Replications at once: 1 runs them in this thread; by default, one per core. */
  workers: number;
  /** Undefined: a bar when stderr is a terminal, else nothing. */
  progress?: ProgressMode;
}

export interface CommandSpec {
  command: string;
  /** How many scenario files: exactly `min` when `max` is equal, else at least `min`. */
  files: { min: number; max: number };
  /** The formats accepted, the default first. */
  formats: readonly OutputFormat[];
  /** Options beyond --seed, --replications, --format and --out. */
  extra?: readonly ('--set' | '--vary' | '--intervals' | '--workers' | '--progress')[];
  /** Replications by default. */
  replications?: number;
}

export const MAX_REPLICATIONS = 10_000;
/** More workers than this only adds threads that wait for a core. */
export const MAX_WORKERS = 256;

const wholeNumber = (value: string) => (/^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null);

export function parseCommandOptions(args: readonly string[], spec: CommandSpec): CommandOptions {
  const problems: string[] = [];
  const parsed: CommandOptions = { files: [], replications: spec.replications ?? 1, format: spec.formats[0], sets: [], varies: [], intervals: false, workers: availableParallelism() };
  const allowed = new Set(['--seed', '--replications', '--format', '--out', ...(spec.extra ?? [])]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      parsed.files.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    if (!allowed.has(flag)) {
      problems.push(`${flag}: unknown option${spec.command ? ` for ${spec.command}` : ''}`);
      continue;
    }
    if (flag === '--intervals') {
      parsed.intervals = true;
      continue;
    }
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) {
      problems.push(`${flag}: needs a value`);
      continue;
    }
    switch (flag) {
      case '--seed': {
        const seed = wholeNumber(value);
        if (seed === null) problems.push(`--seed: must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${value})`);
        else parsed.seed = seed;
        break;
      }
      case '--replications': {
        const replications = wholeNumber(value);
        if (replications === null || replications < 1 || replications > MAX_REPLICATIONS) {
          problems.push(`--replications: must be a whole number from 1 to ${MAX_REPLICATIONS} (got ${value})`);
        } else parsed.replications = replications;
        break;
      }
      case '--format':
        if (!(spec.formats as readonly string[]).includes(value)) problems.push(`--format: must be ${spec.formats.join(' or ')} (got ${value})`);
        else parsed.format = value as OutputFormat;
        break;
      case '--workers': {
        const workers = wholeNumber(value);
        if (workers === null || workers < 1 || workers > MAX_WORKERS) problems.push(`--workers: must be a whole number from 1 to ${MAX_WORKERS} (got ${value})`);
        else parsed.workers = workers;
        break;
      }
      case '--progress':
        if (!(PROGRESS_MODES as readonly string[]).includes(value)) problems.push(`--progress: must be ${PROGRESS_MODES.join(', ').replace(/, (?=[^,]*$)/, ' or ')} (got ${value})`);
        else parsed.progress = value as ProgressMode;
        break;
      case '--out':
        parsed.out = value;
        break;
      case '--set':
        parsed.sets.push({ assignment: value, file: parsed.files.length - 1 });
        break;
      case '--vary':
        parsed.varies.push(value);
        break;
    }
  }
  const { min, max } = spec.files;
  const count = parsed.files.length;
  if (count < min || count > max) {
    const wanted = min === max ? `exactly ${min === 1 ? 'one scenario file' : `${min} scenario files`}` : `at least ${min} scenario files`;
    problems.push(`${spec.command}: needs ${wanted} (got ${count})`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return parsed;
}
