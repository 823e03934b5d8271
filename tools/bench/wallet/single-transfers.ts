// Single transfers through the real service: 8 HTTP clients, each an agent moving 0.01 to its own
// customers with `POST /api/v1/customers/{id}/deposits` and an Idempotency-Key, as the portal does.
// Each transfer is one request → gateway (JWT, validation, idempotency record) → ledger (agent
// main, agent commission and customer streams, group commit) → 201 with the balances.
import type { Figure } from '../shared/figures.js';
import { describeCpuPerOp, type CpuMeter } from '../shared/cpu-meter.js';
import { jsonHeaders, runHttpLoad, type ClosedPlan, type LoadRequest } from '../shared/http-load.js';
import { formatMs, formatRate, median, percentile } from '../stats.js';
import type { WalletBenchConfig } from './config.js';
import type { ServiceApp } from '../shared/service-app.js';
import { openAgents, openCustomers } from './wallet-app.js';

export const TRANSFER_AMOUNT = '0.01';

interface Client {
  token: string;
  customerIds: string[];
}

async function prepareClients(app: ServiceApp, config: WalletBenchConfig): Promise<Client[]> {
  const agentIds = Array.from({ length: config.clients }, (_, i) => `ag-${i + 1}`);
  await openAgents(app, agentIds);
  const customers = agentIds.flatMap((agentId) => Array.from({ length: config.customersPerAgent }, (_, i) => ({ customerId: `${agentId}-cu-${i + 1}`, agentId })));
  await openCustomers(app, customers, '0');
  const clients: Client[] = [];
  for (const agentId of agentIds) {
    const deposit = await app.request('POST', `/api/v1/agents/${agentId}/deposits`, { token: app.adminToken, body: { amount: '1000000', reference: `BANK-${agentId}` } });
    if (deposit.status !== 201) throw new Error(`deposit to ${agentId}: ${deposit.status} ${deposit.text}`);
    clients.push({ token: await app.token('agent', agentId), customerIds: customers.filter((c) => c.agentId === agentId).map((c) => c.customerId) });
  }
  return clients;
}

export async function singleTransfers(app: ServiceApp, config: WalletBenchConfig, runs: number, meter: CpuMeter, log: (line: string) => void): Promise<Figure> {
  const clients = await prepareClients(app, config);
  // each client's requests: one per customer, round-robin; a fresh Idempotency-Key on every send
  const requests = clients.map(({ token, customerIds }) =>
    customerIds.map((customerId): LoadRequest => ({
      method: 'POST',
      path: `/api/v1/customers/${customerId}/deposits`,
      headers: jsonHeaders(token),
      body: JSON.stringify({ amount: TRANSFER_AMOUNT }),
      expectStatus: 201,
    })),
  );
  const plan = (durationMs: number): ClosedPlan => ({ kind: 'closed', baseUrl: app.gw.baseUrl, durationMs, firstSequence: 0, freshKeyHeader: 'Idempotency-Key', clients: requests });
  await runHttpLoad(plan(config.transferWarmupMs));
  const perSecond: number[] = [];
  const latenciesMs: number[] = [];
  let failed = 0;
  let transfers = 0;
  const failures: string[] = [];
  for (let run = 0; run < runs; run += 1) {
    meter.resume();
    const result = await runHttpLoad(plan(config.transferRunMs));
    meter.pause();
    transfers += result.ok;
    perSecond.push((result.ok * 1_000) / result.elapsedMs);
    latenciesMs.push(...result.latenciesMs);
    failed += result.failed;
    failures.push(...result.failures);
    log(`  single transfers run ${run + 1}: ${formatRate(perSecond[run]!)} transfers/s (${result.ok} ok, ${result.failed} failed)`);
  }
  return {
    id: 'wallet-single-transfers',
    label: `Single transfers (HTTP, ${config.clients} concurrent clients)`,
    value: median(perSecond),
    unit: 'transfers/s',
    runs: perSecond,
    method: `median of ${runs} runs of ${config.transferRunMs / 1000} s after ${config.transferWarmupMs / 1000} s warm-up`,
    target: { kind: 'min', value: 3_000, text: '≥ 3 000 transfers/s' },
    details: [
      `${config.clients} agents, one client each, each transferring ${TRANSFER_AMOUNT} round-robin to its ${config.customersPerAgent} customers; every request has a fresh Idempotency-Key.`,
      `latency per request: p50 ${formatMs(percentile(latenciesMs, 50))}, p99 ${formatMs(percentile(latenciesMs, 99))}, max ${formatMs(percentile(latenciesMs, 100))}.`,
      `failed requests: ${failed}${failures.length > 0 ? ` (first: ${failures[0]})` : ''}.`,
      describeCpuPerOp(meter.perOp(transfers), 'transfer'),
      'The HTTP clients (node:http, keep-alive) run in a worker thread of the benchmark process: off the service\'s event loop, but on the same 2 cores (their CPU is in the figure above).',
    ],
  };
}
