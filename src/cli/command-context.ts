/**
 * What a batch command needs from the process: where output and messages go, whether stderr is
 * a terminal (for the progress bar) and the signal that Ctrl-C raises. Tests pass their own.
 */
import type { RunJobs } from '../runner/replication-jobs';
import type { CommandOptions } from './cli-options';
import { progressOn } from './progress';
import { runJobsOn } from './worker-pool';

export interface CommandContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTty: boolean;
  signal?: AbortSignal;
}

/** The executor a command's --workers and --progress ask for: replications on the pool, progress drawn as they are gathered. */
export function runJobsFor(options: CommandOptions, context: CommandContext): RunJobs {
  const runJobs = runJobsOn(options.workers, context.signal);
  const mode = options.progress ?? (context.stderrIsTty ? 'bar' : 'none');
  return async (batch, onResult) => {
    const progress = progressOn(mode, batch.jobs.length, context.stderr);
    try {
      await runJobs(batch, (result, index) => {
        onResult(result, index);
        progress.update(index + 1);
      });
    } finally {
      progress.end();
    }
  };
}
