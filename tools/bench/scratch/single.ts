import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { startBenchServer } from '../server.js';
import { EMMETT, OURS, OURS_NO_NOTIFY } from '../stores/kinds.js';
import { runWriters } from '../scenarios/writers.js';
import type { StoreKind } from '../stores/bench-store.js';
import { oneStatementKind } from '../experiments/one-statement-append.js';

function cpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const idle = line[3]! + line[4]!;
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}
const config = loadConfig();
const server = await startBenchServer(config.databaseUrl, console.log);
const writers = Number(process.env.W ?? 8);
const events = Number(process.env.E ?? 1);
const kinds: StoreKind[] = (process.env.K ?? 'ours,ours_nonotify,emmett').split(',').map((k) => ({ ours: OURS, ours_nonotify: OURS_NO_NOTIFY, emmett: EMMETT, p: oneStatementKind({ notify: true }), pn: oneStatementKind({ notify: false }) } as Record<string, StoreKind>)[k]!);
try {
  for (const kind of kinds) {
    const db = await server.freshDatabase('x' + kind.key);
    const store = await kind.open(db.url, 10);
    const versions = new Map();
    const plan = { writers, streamsPerWriter: 500, eventsPerAppend: events, prefix: 'x' };
    await runWriters(store, plan, versions, 2000);
    const c0 = cpu();
    const r = await runWriters(store, plan, versions, Number(process.env.D ?? 6000));
    const c1 = cpu();
    console.log(kind.label, Math.round(r.eventsPerSecond), 'events/s; cpu busy', Math.round(((c1.busy - c0.busy) / (c1.total - c0.total)) * 100), '%');
    await store.close();
    await db.drop();
  }
} finally {
  await server.stop();
}
process.exit(0);
