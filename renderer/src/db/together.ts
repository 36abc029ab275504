// Several database requests asked at once inside a Dexie transaction, then awaited. Neither a native `Promise.all` nor
// Dexie's own keeps the transaction's zone across the await (the next write then finds the transaction committed:
// PrematureCommitError, seen in the unit tests), so each request's own Dexie promise is awaited in turn. IndexedDB runs
// them in the order they were asked either way; asking them together lets the caller do other work meanwhile.

/** Await every one of `requests` (already asked), in order; the first failure is thrown, no other goes unhandled. */
export async function together(requests: ReadonlyArray<PromiseLike<unknown>>): Promise<void> {
  // A later request fails too when an earlier one aborts the transaction: its failure is the same one, already thrown.
  for (const request of requests) Promise.resolve(request).catch(() => undefined);
  for (const request of requests) await request;
}
