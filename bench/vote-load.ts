// The load generator of bench/discussions.ts in a process of its own, so that sending 300 voters' requests does not
// share the event loop of the server it measures. Reads one JSON job on stdin:
//   { url, discussionId, sids: number[], voters: [{cookie, csrf}], seconds, every?, start }
// and prints one JSON line: { total, non2xx, errors, ms: number[] } (each vote's time in ms, send → response).
// With `every` (seconds) each voter votes at random moments, on average one vote each `every` seconds, as people do
// (autocannon's own rate limit sends each second's requests in one burst); without it, autocannon keeps every voter
// voting again the moment the last vote returns (the server's saturation).
// @ts-expect-error autocannon ships no types
import autocannon from 'autocannon';

const job = JSON.parse(
  await new Promise<string>((resolve) => {
    let s = '';
    process.stdin.on('data', (d) => (s += d));
    process.stdin.on('end', () => resolve(s));
  }),
);
const ms: number[] = [];
let total = 0;
let non2xx = 0;
let errors = 0;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const vote = (m: { cookie: string; csrf: string }, sid: number) => ({
  path: `/api/discussions/${job.discussionId}/statements/${sid}/vote`,
  headers: { 'content-type': 'application/json', cookie: m.cookie, 'x-csrf-token': m.csrf },
  body: JSON.stringify({ vote: ['agree', 'disagree', 'pass'][sid % 3] }),
});
if (job.every) {
  const end = performance.now() + job.seconds * 1000;
  await Promise.all(
    job.voters.map(async (m: { cookie: string; csrf: string }, v: number) => {
      let n = job.start;
      await sleep(Math.random() * job.every * 1000);
      while (performance.now() < end) {
        const r = vote(m, job.sids[(v * 13 + n++) % job.sids.length]);
        const t = performance.now();
        try {
          const res = await fetch(job.url + r.path, { method: 'PUT', headers: r.headers, body: r.body });
          await res.arrayBuffer();
          if (!res.ok) non2xx++;
        } catch {
          errors++;
        }
        ms.push(performance.now() - t);
        total++;
        await sleep(job.every * 1000 * (0.5 + Math.random()));
      }
    }),
  );
} else {
  let nextVoter = 0;
  const result: any = await autocannon({
    url: job.url,
    connections: job.voters.length,
    duration: job.seconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req: any, context: any) => {
          if (context.voter === undefined) {
            context.voter = nextVoter++ % job.voters.length;
            context.n = job.start;
          }
          context.sentAt = performance.now();
          const m = job.voters[context.voter];
          return { ...req, ...vote(m, job.sids[(context.voter * 13 + context.n++) % job.sids.length]) };
        },
        onResponse: (_status: number, _body: string, context: any) => {
          ms.push(performance.now() - context.sentAt);
        },
      },
    ],
  });
  total = result.requests.total;
  non2xx = result.non2xx;
  errors = result.errors;
}
process.stdout.write(`${JSON.stringify({ total, non2xx, errors, ms })}\n`);
