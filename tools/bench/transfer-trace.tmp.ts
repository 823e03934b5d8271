import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startBenchServer } from './server.js';
import { openAgents, openCustomers, startWalletApp } from './wallet/wallet-app.js';

const server = await startBenchServer(undefined, () => undefined);
const db = await server.freshDatabase('trtrace');
const app = await startWalletApp(db.url);
await openAgents(app, ['ag-1']);
await openCustomers(app, Array.from({ length: 10 }, (_, i) => ({ customerId: `cu-${i}`, agentId: 'ag-1' })), '0');
await app.request('POST', '/api/v1/agents/ag-1/deposits', { token: app.adminToken, body: { amount: '1000000', reference: 'B' } });
const token = await app.token('agent', 'ag-1');
const origQuery = (pg.Client.prototype as any).query;
let trace: { t: number; start: number; text: string }[] | null = null;
let t00 = 0;
(pg.Client.prototype as any).query = function (...args: any[]) {
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text ?? args[0]?.name ?? '?';
  const t0 = performance.now();
  const r = origQuery.apply(this, args);
  if (trace && r && typeof r.then === 'function') { const tr = trace; r.then(() => tr.push({ start: t0 - t00, t: performance.now() - t0, text: String(text).replace(/\s+/g, ' ').slice(0, 120) }), () => undefined); }
  return r;
};
for (let i = 0; i < 300; i += 1) {
  if (i === 299) { trace = []; t00 = performance.now(); }
  const res = await app.request('POST', `/api/v1/customers/cu-${i % 10}/deposits`, { token, body: { amount: '0.01' }, headers: { 'Idempotency-Key': randomUUID() } });
  if (res.status !== 201) throw new Error(res.text);
  if (i === 299) { const done = performance.now() - t00; await new Promise((r) => setTimeout(r, 300)); console.log('request ms', done.toFixed(2)); for (const e of trace!.sort((a, b) => a.start - b.start)) console.log(e.start.toFixed(2).padStart(7), e.t.toFixed(2).padStart(6), e.text); trace = null; }
}
await app.close();
await db.drop();
process.exit(0);
