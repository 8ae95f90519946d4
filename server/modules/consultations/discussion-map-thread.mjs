// Entry of the opinion map's worker thread. Plain JavaScript because Node 20 does not apply the parent's `--import tsx`
// to a worker's own module: it loads the TypeScript computation through tsx's API, then answers each request.
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { computeOpinionMap } = await tsImport('./discussion-map.ts', import.meta.url);
parentPort.on('message', (p) => {
  const votes = Array.from(p.accounts, (accountId, i) => ({
    accountId,
    statementId: p.statements[i],
    vote: p.votes[i],
  }));
  parentPort.postMessage(computeOpinionMap(votes));
});
