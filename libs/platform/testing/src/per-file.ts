// One part a spec file starts once for all its tests (an app, a scenario): started in beforeAll,
// stopped in afterAll, read through the handle returned at the top of the file — so each file does
// not repeat `let x; beforeAll(start); afterAll(stop)`. Jest's hooks are taken as globals when the
// function is called (not imported), so the tools that import @billing/testing outside Jest still load.

/**
 * Registers the hooks and returns a handle to the started part: its properties read those of the
 * part once beforeAll has started it (inside tests and later hooks); before that they throw.
 */
export function startPerFile<T extends object>(start: () => Promise<T>, stop: (started: T) => Promise<void>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started !== undefined) await stop(started);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (started === undefined) throw new Error(`read ${String(key)} before beforeAll started it`);
      return Reflect.get(started, key, started) as unknown;
    },
  });
}
