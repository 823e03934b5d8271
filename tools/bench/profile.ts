// Counts the statements a store sends per append (each one a client/server round trip): the
// cheapest explanation of where single-append time goes. Patches pg.Client#query for the
// duration of `work` only; both stores use the same `pg` module.
import pg from 'pg';

export async function countQueries(work: () => Promise<void>): Promise<number> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  let count = 0;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return count;
}
