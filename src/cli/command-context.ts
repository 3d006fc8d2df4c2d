/**
 * What a batch command needs from the process: where output and messages go, whether stderr is
 * a terminal (for the progress bar) and the signal that Ctrl-C raises. Tests pass their own.
 */
import type { RunJobs } from '../runner/replication-jobs';
import type { CommandOptions } from './cli-options';
import { progressOn } from './progress';
import { startPool, type ReplicationPool } from './worker-pool';

export interface CommandContext {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTty: boolean;
  signal?: AbortSignal;
}

/**
 * Runs `work` with the threads a command's --workers asks for, started before `work` reads its
 * scenarios (see startPool) and stopped when it ends, however it ends; progress is drawn as
 * --progress asks while the replications are gathered. `jobs`: how many replications `work` runs.
 */
export async function withBatch<T>(options: CommandOptions, context: CommandContext, jobs: number, work: (runJobs: RunJobs) => Promise<T>): Promise<T> {
  const batch = startBatch(options, context, jobs);
  try {
    return await work(batch.runJobs);
  } finally {
    await batch.close();
  }
}

function startBatch(options: CommandOptions, context: CommandContext, jobs: number): ReplicationPool {
  const pool = startPool(options.workers, jobs, context.signal);
  const mode = options.progress ?? (context.stderrIsTty ? 'bar' : 'none');
  const runJobs: RunJobs = async (batch, onResult) => {
    const progress = progressOn(mode, batch.jobs.length, context.stderr);
    try {
      await pool.runJobs(batch, (result, index) => {
        onResult(result, index);
        progress.update(index + 1);
      });
    } finally {
      progress.end();
    }
  };
  return { runJobs, close: pool.close };
}
