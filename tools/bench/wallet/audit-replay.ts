// Audit replay: fill the wallet log to `auditEvents` valid wallet events with batched charges
// (the real write path), let the projections catch up, then time runWalletAudit — the replay
// through the domain's WalletAuditor, every invariant re-asserted, compared with the projections.
import { runWalletAudit, WalletDatabase, WalletProjections } from '@billing/wallet-service';
import { describeCpuPerOp, type CpuMeter } from '../shared/cpu-meter.js';
import type { Figure } from '../shared/figures.js';
import type { ServiceApp } from '../shared/service-app.js';
import { decimals, formatRate, median } from '../stats.js';
import type { WalletBenchConfig } from './config.js';
import { appendCharges } from './direct-log.js';

async function eventCount(db: WalletDatabase): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${db.table('events')}`);
  return Number(rows[0]?.n ?? 0);
}

export async function auditReplay(app: ServiceApp, customerIds: readonly string[], config: WalletBenchConfig, runs: number, meter: CpuMeter, log: (line: string) => void): Promise<Figure> {
  const db = app.get(WalletDatabase);
  const before = await eventCount(db);
  const missing = Math.max(0, config.auditEvents - before);
  const loadStartedMs = performance.now();
  await appendCharges(app, customerIds, missing, config.loadConcurrency);
  const loadMs = performance.now() - loadStartedMs;
  const catchUpStartedMs = performance.now();
  await app.get(WalletProjections).waitForCatchUp(1_800_000);
  const catchUpMs = performance.now() - catchUpStartedMs;
  const events = await eventCount(db);
  log(`  audit log: ${formatRate(events)} wallet events (${formatRate(events - before)} loaded in ${decimals(loadMs / 1000, 1)} s; projections caught up ${decimals(catchUpMs / 1000, 1)} s later)`);

  const perSecond: number[] = [];
  const results: string[] = [];
  let replayed = 0;
  for (let run = 0; run < runs; run += 1) {
    meter.resume();
    const result = await runWalletAudit(db);
    meter.pause();
    replayed += result.report.eventCount;
    if (!result.ok) throw new Error(`the wallet audit failed:\n${result.text}`);
    perSecond.push((result.report.eventCount * 1_000) / result.durationMs);
    results.push(`${formatRate(result.report.eventCount)} events in ${decimals(result.durationMs / 1000, 2)} s`);
    log(`  audit run ${run + 1}: ${formatRate(perSecond[run]!)} events/s (${results[run]}), OK`);
  }
  return {
    id: 'wallet-audit-replay',
    label: `Audit replay (runWalletAudit over ${formatRate(events)} events)`,
    value: median(perSecond),
    unit: 'events/s',
    runs: perSecond,
    method: `median of ${runs} full audits`,
    target: { kind: 'min', value: 200_000, text: '≥ 200 000 events/s' },
    details: [
      `the log: everything the scenarios before wrote through the service (accounts opened from accounts' events, deposits, transfers, charges), then ` +
        `${formatRate(events - before)} CallCharged events over ${formatRate(customerIds.length)} customers decided by the wallet domain (walletDecider) and appended through the event store ` +
        `(tools/bench/wallet/direct-log.ts; ${formatRate(((events - before) * 1_000) / loadMs)} events/s, ${config.loadConcurrency} appends in flight), because the service path is far too slow on this machine to write a million (see the charge rows).`,
      `the projections caught up ${decimals(catchUpMs / 1000, 1)} s after the last charge (the audit compares with them at their checkpoint, so it waits for them).`,
      `each audit: ${results.join('; ')}; every one OK (postings sum to zero, every balance and hold equals the projection).`,
      describeCpuPerOp(meter.perOp(replayed), 'event'),
    ],
  };
}
