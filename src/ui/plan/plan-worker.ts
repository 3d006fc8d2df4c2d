/**
 * The Web Worker the Plan view runs replications in: the runner's worker side of the job
 * protocol (replication-jobs.ts), unchanged, so a replication here is the CLI's to the byte.
 */
import { replicationWorker, type MessageToWorker } from '../../runner/replication-jobs';

const answer = replicationWorker();
self.onmessage = (event: MessageEvent<MessageToWorker>) => {
  const reply = answer(event.data);
  if (reply) self.postMessage(reply);
};
