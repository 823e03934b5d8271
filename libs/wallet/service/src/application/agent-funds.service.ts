// Initial balances an agent funds (issue 12, item 2): accounts reserves the amount on the agent
// through here just before it appends CustomerOpened, and releases it when that opening fails.
// Both are ledger commands on the wallet's one command path (lanes → writer), decided on the
// agent's latest version, so concurrent openings for one agent's last money cannot both reserve
// it. The funding transfer the wallet makes when it consumes CustomerOpened spends the
// reservation; a reservation never followed by an opening expires (INITIAL_BALANCE_RESERVATION_MS).
import { agentMainAccount, availableMicros, INITIAL_BALANCE_RESERVATION_MS, isOpen } from '@billing/wallet-domain';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from './clock.js';
import { LedgerService } from './ledger.service.js';

export interface InitialBalanceRequest {
  agentId: string;
  customerId: string;
  amountMicros: bigint;
}

export type ReservationResult =
  | { reserved: true }
  /** `availableMicros`: what the agent may move now (0 for an agent the wallet does not know yet). */
  | { reserved: false; code: string; reason: string; availableMicros: bigint };

@Injectable()
export class WalletAgentFunds {
  constructor(
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Reserves `amountMicros` of the agent for the customer; the same request again reserves nothing twice. */
  async reserveInitialBalance(request: InitialBalanceRequest): Promise<ReservationResult> {
    const now = this.clock.now();
    const context = { actor: `agent:${request.agentId}` };
    const outcome = await this.ledger.run(
      { type: 'ReserveInitialBalance', ...request, expiresAt: new Date(now.getTime() + INITIAL_BALANCE_RESERVATION_MS).toISOString(), meta: { actor: context.actor, now: now.toISOString() } },
      context,
    );
    if (outcome.kind !== 'rejected') return { reserved: true };
    return { reserved: false, code: outcome.error.code, reason: outcome.error.message, availableMicros: await this.availableMicros(request.agentId) };
  }

  /** Gives a reservation back (the opening failed); false when none was open any more. */
  async releaseInitialBalance(request: { agentId: string; customerId: string }): Promise<boolean> {
    const context = { actor: `agent:${request.agentId}` };
    const outcome = await this.ledger.run({ type: 'ReleaseInitialBalance', ...request, meta: this.clock.meta(context) }, context);
    // an agent the wallet does not know has nothing reserved: nothing to give back either
    return outcome.kind === 'decided' && outcome.events.length > 0;
  }

  /**
   * Read from the ledger itself (snapshot + tail), not the projection, for the refusal's detail. It
   * bypasses the ledger's cache: a read outside the writer must never cache a superseded state.
   */
  private async availableMicros(agentId: string): Promise<bigint> {
    const { account } = await this.ledger.accounts.loadFromStore(agentMainAccount(agentId));
    return isOpen(account.state) ? availableMicros(account.state) : 0n;
  }
}
