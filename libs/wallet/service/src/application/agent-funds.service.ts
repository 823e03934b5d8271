// Initial balances an agent funds (issue 12, item 2): accounts reserves the amount on the agent
// through here just before it appends CustomerOpened, and releases it when that opening fails.
// Both are ledger commands on the wallet's one command path (lanes → writer), decided on the
// agent's latest version, so concurrent openings for one agent's last money cannot both reserve
// it. The funding transfer the wallet makes when it consumes CustomerOpened spends the
// reservation; a reservation never followed by an opening expires (INITIAL_BALANCE_RESERVATION_MS).
import { RejectedCommand } from '@billing/decider';
import { agentMainAccount, INITIAL_BALANCE_RESERVATION_MS, isLedgerAccount, isOpen, moneyAt, type AccountMoney } from '@billing/wallet-domain';
import { Inject, Injectable } from '@nestjs/common';
import { AccountsCatchUp } from '../consumers/accounts-catch-up.js';
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
  | { reserved: false; code: string; reason: string; status: RejectedCommand['status']; availableMicros: bigint };

@Injectable()
export class WalletAgentFunds {
  constructor(
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AccountsCatchUp) private readonly catchUp: AccountsCatchUp,
  ) {}

  /**
   * Reserves `amountMicros` of the agent for the customer; the same request again reserves nothing
   * twice. Through the waiting command path: once accounts answers its opening, every read shows it.
   */
  async reserveInitialBalance(request: InitialBalanceRequest): Promise<ReservationResult> {
    const first = await this.reserve(request);
    // an agent accounts has registered but the wallet has not consumed yet is usable at once:
    // its registration is applied now (AccountsCatchUp) and the reservation decided again
    if (first.reserved || first.code !== 'account_not_found' || !(await this.catchUp.agent(request.agentId))) return first;
    return this.reserve(request);
  }

  private async reserve(request: InitialBalanceRequest): Promise<ReservationResult> {
    const now = this.clock.now();
    const context = { actor: `agent:${request.agentId}` };
    const command = { type: 'ReserveInitialBalance' as const, ...request, expiresAt: new Date(now.getTime() + INITIAL_BALANCE_RESERVATION_MS).toISOString(), meta: { actor: context.actor, now: now.toISOString() } };
    try {
      await this.ledger.execute(command, context);
      return { reserved: true };
    } catch (error) {
      if (!(error instanceof RejectedCommand)) throw error;
      return { reserved: false, code: error.code, reason: error.message, status: error.status, availableMicros: (await this.agentMoney(request.agentId))?.availableMicros ?? 0n };
    }
  }

  /** Gives a reservation back (the opening failed); false when none was open any more. */
  async releaseInitialBalance(request: { agentId: string; customerId: string }): Promise<boolean> {
    const context = { actor: `agent:${request.agentId}` };
    const outcome = await this.ledger.run({ type: 'ReleaseInitialBalance', ...request, meta: this.clock.meta(context) }, context);
    // an agent the wallet does not know has nothing reserved: nothing to give back either
    return outcome.kind === 'decided' && outcome.events.length > 0;
  }

  /**
   * The agent's main money as its next decision sees it (reserved, available), read from the ledger
   * itself (snapshot + tail): reservations move no money, so no projection has them, and this is
   * what a following transfer or opening is decided on. It bypasses the ledger's cache: a read
   * outside the writer must never cache a superseded state. undefined: no such agent account.
   */
  async agentMoney(agentId: string): Promise<AccountMoney | undefined> {
    const { account } = await this.ledger.accounts.loadFromStore(agentMainAccount(agentId));
    if (!isLedgerAccount(account.state)) return undefined;
    const money = moneyAt(account.state, this.clock.now().toISOString());
    // a closed account may move nothing
    return isOpen(account.state) ? money : { ...money, availableMicros: 0n };
  }
}
