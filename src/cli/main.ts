/**
 * The Kituo command line: batch runs of a scenario with replications, printed as JSON or CSV.
 *
 *   kituo run <scenario.json> [--seed N] [--replications N] [--format json|csv] [--out FILE]
 *   kituo compare <baseline.json> <alternative.json> [--seed N] [--replications N] [--out FILE]
 *   kituo validate <scenario.json>
 *   kituo schema
 *
 * Exit codes: 0 done, 2 bad input (each problem on its own line, naming the file and the JSON
 * path), 1 anything unexpected. Never a stack trace for a user's mistake.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseScenarioText, formatProblems } from '../model/parse-scenario';
import { scenarioCosts, type Scenario } from '../model/scenario-schema';
import { runReplications } from '../runner/run-replications';
import { compareConfigurations } from '../runner/compare-configurations';
import { reportToCsv } from './report-csv';
import { scenarioJsonSchema } from './scenario-json-schema';

const USAGE = `Usage:
  kituo run <scenario.json> [--seed N] [--replications N] [--format json|csv] [--out FILE]
  kituo compare <baseline.json> <alternative.json> [--seed N] [--replications N] [--out FILE]
  kituo validate <scenario.json>
  kituo schema            print the scenario JSON Schema
  kituo help`;

export class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

interface RunArgs {
  files: string[];
  seed?: number;
  replications: number;
  format: 'json' | 'csv';
  out?: string;
}

export function parseRunArgs(args: string[], command = 'run', fileCount = 1): RunArgs {
  const problems: string[] = [];
  const positional: string[] = [];
  const parsed: RunArgs = { files: [], replications: 1, format: 'json' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.split('=', 2);
    const value = inline ?? args[++i];
    if (value === undefined) {
      problems.push(`${flag}: needs a value`);
      continue;
    }
    switch (flag) {
      case '--seed':
        if (!/^\d+$/.test(value)) problems.push(`--seed: must be a whole number >= 0 (got ${value})`);
        else parsed.seed = Number(value);
        break;
      case '--replications':
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10000) {
          problems.push(`--replications: must be a whole number from 1 to 10000 (got ${value})`);
        } else parsed.replications = Number(value);
        break;
      case '--format':
        if (value !== 'json' && value !== 'csv') problems.push(`--format: must be json or csv (got ${value})`);
        else parsed.format = value;
        break;
      case '--out':
        parsed.out = value;
        break;
      default:
        problems.push(`${flag}: unknown option`);
    }
  }
  if (positional.length !== fileCount) {
    problems.push(`${command}: needs exactly ${fileCount === 1 ? 'one scenario file' : `${fileCount} scenario files`} (got ${positional.length})`);
  } else parsed.files = positional;
  if (problems.length > 0) throw new InputError(problems);
  return parsed;
}

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? 'unknown error'})`;
    throw new InputError([`${file}: ${reason}`]);
  }
  const result = parseScenarioText(text);
  if (!result.ok) throw new InputError(formatProblems(file, result.problems));
  return result.scenario;
}

/** Runs the CLI with the given arguments; returns the exit code. Output goes through the writers. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const args = parseRunArgs(rest);
        const scenario = loadScenario(args.files[0]);
        const report = runReplications(scenario, { seed: args.seed, replications: args.replications });
        const text = args.format === 'csv' ? reportToCsv(report) : `${JSON.stringify(report, null, 2)}\n`;
        if (args.out) writeFileSync(args.out, text);
        else out(text);
        return 0;
      }
      case 'compare': {
        const args = parseRunArgs(rest, 'compare', 2);
        if (args.format !== 'json') throw new InputError(['--format: compare writes JSON only']);
        const [baseline, alternative] = args.files.map(loadScenario);
        const [currencyA, currencyB] = [baseline, alternative].map((s) => scenarioCosts(s)?.currency);
        if (currencyA && currencyB && currencyA !== currencyB) {
          throw new InputError([`${args.files[1]}: costs.currency: must be the baseline's currency ${currencyA} to compare costs (got "${currencyB}")`]);
        }
        const report = compareConfigurations(baseline, alternative, { seed: args.seed, replications: args.replications });
        const text = `${JSON.stringify(report, null, 2)}\n`;
        if (args.out) writeFileSync(args.out, text);
        else out(text);
        return 0;
      }
      case 'validate': {
        if (rest.length !== 1) throw new InputError([`validate: needs exactly one scenario file (got ${rest.length})`]);
        const scenario = loadScenario(rest[0]);
        out(`${rest[0]}: valid (${scenario.name})\n`);
        return 0;
      }
      case 'schema':
        out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        out(`${USAGE}\n`);
        return 0;
      default:
        throw new InputError([command ? `unknown command "${command}"` : 'no command given', USAGE]);
    }
  } catch (error) {
    if (error instanceof InputError) {
      err(`${error.lines.join('\n')}\n`);
      return 2;
    }
    err(`kituo: unexpected error: ${(error as Error).message}\n`);
    if (process.env.KITUO_DEBUG) err(`${(error as Error).stack}\n`);
    return 1;
  }
}

const isEntryPoint = process.argv[1] !== undefined && /(?:main\.ts|kituo\.m?js)$/.test(process.argv[1]);
if (isEntryPoint) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
