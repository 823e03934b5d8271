// A pooled connection within a read's remaining budget. pg's own bound (connectionTimeoutMillis,
// 10 s) is the pool's, not the series read's 0.5 s: with the pool exhausted a read would hold its
// turn — and every dashboard queued behind it — for up to 10 s before its 503.
import type pg from 'pg';

/**
 * The pool's next connection, or undefined once `waitMs` have passed without one. The request
 * stays in the pool's queue then (pg cannot withdraw it): a connection handed to it later is
 * released at once, back to the pool unused, and a failure then is nobody's to report.
 */
export async function connectWithin(pool: Pick<pg.Pool, 'connect'>, waitMs: number): Promise<pg.PoolClient | undefined> {
  let late = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connecting = pool.connect().then((client) => {
    if (late) client.release();
    return client;
  });
  try {
    return await Promise.race([
      connecting,
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => {
          late = true;
          resolve(undefined);
        }, waitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    // after the deadline the connect's outcome has no caller: not an unhandled rejection
    connecting.catch(() => undefined);
  }
}
