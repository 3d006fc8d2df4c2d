/**
 * The Kituo command line: batch runs of a scenario with replications (run), paired comparisons
 * of configurations (compare) and of a parameter grid (sweep), as a table, JSON or CSV.
 * Each command lives in commands/; this file dispatches and keeps the usage text. Commands are
 * imported when called, so `kituo --version` or `help` loads neither zod nor the simulation.
 *
 * Exit codes: 0 done, 2 bad input (each problem on its own line, naming the file and the JSON
 * path), 130 stopped by Ctrl-C, 1 anything unexpected. Never a stack trace for a user's mistake.
 */
import { readFileSync } from 'node:fs';
import { Cancelled } from '../runner/cancelled';
import { InputError } from './cli-options';

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
  (run, compare and sweep also take --workers N (default: one per core; 1 runs in this process)
   and --progress bar|json|none (default: a bar when stderr is a terminal))
  kituo validate <scenario.json>
  kituo schema            print the scenario JSON Schema
  kituo --version
  kituo help`;

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** Runs the CLI with the given arguments; resolves to the exit code. Output goes through the writers. */
export async function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  terminal: { stderrIsTty?: boolean; signal?: AbortSignal } = {},
): Promise<number> {
  const [command, ...rest] = argv;
  const context = { stdout: out, stderr: err, stderrIsTty: terminal.stderrIsTty ?? false, signal: terminal.signal };
  try {
    switch (command) {
      case 'run':
        return await (await import('./commands/run')).runCommand(rest, context);
      case 'compare':
        return await (await import('./commands/compare')).compareCommand(rest, context);
      case 'sweep':
        return await (await import('./commands/sweep')).sweepCommand(rest, context);
      case 'staff':
        return (await import('./commands/staff')).staffCommand(rest, out);
      case 'validate': {
        if (rest.length !== 1) throw new InputError([`validate: needs exactly one scenario file (got ${rest.length})`]);
        const scenario = (await import('./scenario-file')).loadScenario(rest[0]);
        out(`${rest[0]}: valid (${scenario.name})\n`);
        return 0;
      }
      case 'schema':
        out(`${JSON.stringify((await import('./scenario-json-schema')).scenarioJsonSchema(), null, 2)}\n`);
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
    if (error instanceof Cancelled) {
      err('kituo: cancelled\n');
      return 130;
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
  // Ctrl-C stops the workers and the command exits 130 without writing its output; a second one does not wait.
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  });
  process.exitCode = await main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
    { stderrIsTty: process.stderr.isTTY === true, signal: interrupt.signal },
  );
}
