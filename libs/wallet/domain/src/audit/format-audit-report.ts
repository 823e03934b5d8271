// The audit's human-readable report (npm run audit prints it and exits non-zero unless ok).
import { formatMoney } from '@billing/money';
import { SYSTEM_ACCOUNTS } from '../accounts/account-id.js';
import type { AuditProblem, AuditReport } from './audit-report.js';

export function formatAuditReport(report: AuditReport, { maxProblems = 50 }: { maxProblems?: number } = {}): string {
  const lines = [
    `wallet audit: ${report.ok ? 'OK' : 'FAILED'}: ${report.eventCount} events, ${report.postingCount} postings, ` +
      `postings total ${formatMoney(report.postingsTotalMicros)}, ${report.balances.size} accounts, ${report.problems.length} problem(s)`,
  ];
  for (const accountId of Object.values(SYSTEM_ACCOUNTS)) {
    lines.push(`  ${accountId.padEnd(28)} ${formatMoney(report.balances.get(accountId) ?? 0n)}`);
  }
  for (const problem of report.problems.slice(0, maxProblems)) lines.push(`  ✗ ${describe(problem)}`);
  if (report.problems.length > maxProblems) lines.push(`  … and ${report.problems.length - maxProblems} more`);
  return lines.join('\n');
}

function describe(problem: AuditProblem): string {
  switch (problem.kind) {
    case 'unbalanced-event':
      return `event #${problem.position} ${problem.eventType} on ${problem.accountId}: postings sum to ${formatMoney(problem.sumMicros)}, not 0`;
    case 'invalid-event':
      return `event #${problem.position} ${problem.eventType} on ${problem.accountId} is invalid: ${problem.message}`;
    case 'wrong-stream':
      return `event #${problem.position} ${problem.eventType} for ${problem.accountId} is stored on stream ${problem.streamId}`;
    case 'ledger-mismatch':
      return `${problem.accountId}: replayed balance ${formatMoney(problem.stateMicros)}, postings ${formatMoney(problem.postedMicros)}`;
    case 'half-movement':
      return `${problem.movement}: only one leg recorded (clearing ${formatMoney(problem.clearingMicros)})`;
    case 'postings-total':
      return `all postings sum to ${formatMoney(problem.totalMicros)}, not 0`;
    case 'balance-mismatch':
      return `${problem.accountId}: events say ${formatMoney(problem.auditedMicros)}, projection ${problem.projectedMicros === null ? 'has no row' : `says ${formatMoney(problem.projectedMicros)}`}`;
    case 'held-mismatch':
      return `${problem.accountId} holds: events say ${formatMoney(problem.auditedMicros)}, projection ${problem.projectedMicros === null ? 'has no row' : `says ${formatMoney(problem.projectedMicros)}`}`;
    case 'unknown-account':
      return `${problem.accountId}: in the projection (${formatMoney(problem.projectedMicros)}) but never opened`;
  }
}
