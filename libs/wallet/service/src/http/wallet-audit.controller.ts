// POST /api/v1/wallet/audits (ITC): runs the wallet audit now — every wallet event replayed,
// every balance and commission recomputed, all postings summing to zero, compared with the live
// projections (the same run as `npm run audit`) — and answers whether the books are balanced.
// One run at a time per process: the replay reads the whole log.
import { ApiProblemResponse, ProblemException, Roles } from '@billing/gateway';
import { formatMoney } from '@billing/money';
import { Controller, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { runWalletAudit } from '../audit/wallet-audit.js';
import { Clock } from '../application/clock.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WalletAuditView } from './wallet.responses.js';

@ApiTags('wallet')
@Controller('wallet/audits')
export class WalletAuditController {
  private running = false;

  constructor(
    @Inject(WalletDatabase) private readonly db: WalletDatabase,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Run the wallet audit now (replay of every wallet event against the live projections) and answer whether the books are balanced' })
  @ApiOkResponse({ standardSchema: WalletAuditView })
  @ApiProblemResponse(409, 'an audit is already running on this process', ['audit_running'])
  async run(): Promise<WalletAuditView> {
    if (this.running) throw new ProblemException(409, 'audit_running', 'An audit is already running; ask again when it has finished.');
    this.running = true;
    try {
      const checkedAt = this.clock.now().toISOString();
      const result = await runWalletAudit(this.db);
      return {
        ok: result.ok,
        checkedAt,
        eventCount: result.report.eventCount,
        postingCount: result.report.postingCount,
        postingsTotal: formatMoney(result.report.postingsTotalMicros),
        accounts: result.projection.balances.size,
        problems: result.report.problems.length + result.lineProblems.length,
        durationMs: Math.round(result.durationMs),
        report: result.text,
      };
    } finally {
      this.running = false;
    }
  }
}
