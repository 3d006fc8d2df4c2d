/** A worker thread of the CLI's pool (worker-pool.ts): answers the runner's replication messages. */
import { parentPort } from 'node:worker_threads';
import { replicationWorker, type MessageToWorker } from '../runner/replication-jobs';

const answer = replicationWorker();
parentPort!.on('message', (message: MessageToWorker) => {
  const reply = answer(message);
  if (reply) parentPort!.postMessage(reply);
});
