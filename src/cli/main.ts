/**
 * The Kituo command line: batch runs of a scenario with replications (run), paired comparisons
 * of configurations (compare) and of a parameter grid (sweep), as a table, JSON or CSV.
 * Each command lives in commands/; this file dispatches and keeps the usage text.
 *
 * Exit codes: 0 done, 2 bad input (each problem on its own line, naming the file and the JSON
 * path), 1 anything unexpected. Never a stack trace for a user's mistake.
 */
import { readFileSync } from 'node:fs';
import { InputError } from './cli-options';
import { compareCommand } from './commands/compare';
import { runCommand } from './commands/run';
import { staffCommand } from './commands/staff';
import { sweepCommand } from './commands/sweep';
import { loadScenario } from './scenario-file';
import { scenarioJsonSchema } from './scenario-json-schema';

const USAGE = `Usage:
  kituo run <scenario.json> [--set PATH=VALUE …] [--seed N] [--replications N] [--format json|csv] [--out FILE]
  kituo compare <A.json> <B.json> [<C.json> …] [--set PATH=VALUE …] [--seed N] [--replications N]
                [--format table|json|csv] [--intervals] [--out FILE]
                (a --set applies to the file just before it; before any file, to all)
  kituo sweep <scenario.json> --vary PATH=v1,v2,… [--vary PATH=…] [--set PATH=VALUE …] [--seed N]
                [--replications N] [--format table|json|csv] [--intervals] [--out FILE]
  kituo staff <scenario.json> --sl SHARE@SECONDS [--max-abandon RATE] [--confidence LEVEL] [--on-time SHARE]
                [--shifts FILE] [--write-scenario FILE] [--max-agents N] [--set PATH=VALUE …] [--seed N]
                [--replications N] [--format table|json|csv] [--out FILE]
  kituo validate <scenario.json>
  kituo schema            print the scenario JSON Schema
  kituo --version
  kituo help`;

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Runs the CLI with the given arguments; returns the exit code. Output goes through the writers. */
export function main(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return runCommand(rest, out);
      case 'compare':
        return compareCommand(rest, out);
      case 'sweep':
        return sweepCommand(rest, out);
      case 'staff':
        return staffCommand(rest, out);
      case 'validate': {
        if (rest.length !== 1) throw new InputError([`validate: needs exactly one scenario file (got ${rest.length})`]);
        const scenario = loadScenario(rest[0]);
        out(`${rest[0]}: valid (${scenario.name})\n`);
        return 0;
      }
      case 'schema':
        out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
        return 0;
      case '--version':
      case '-v':
        out(`kituo ${packageVersion()}\n`);
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
  // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
