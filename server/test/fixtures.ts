// A fixture built once per test file, by whichever test needs it first. For rows that may exist only once (one monthly
// report per month and committee, one forwarded copy per report): every test that reads the row calls the fixture, so
// the test also runs alone (`npx vitest run file -t name`), and in a full run the row is made once.
//   const report = sharedFixture(async () => (await okBody(await office.post('/api/workspace/reports', body))).id);
//   it('is read by its office', async () => { const id = await report(); … });

/** `build` runs on the first call; every call returns its promise (a failure fails every test that needs it). */
export function sharedFixture<T>(build: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= build();
    return made;
  };
}
