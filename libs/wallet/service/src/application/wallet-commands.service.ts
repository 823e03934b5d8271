// Money movements that people ask for (HTTP) and that payments will ask for (card deposits,
// refunds): each builds one domain command, runs it on the ledger and answers what happened. An
// idempotent repeat (same id) answers from the current state and says `repeated: true`.
import { Injectable } from '@nestjs/common';
import {
  agentMainAccount,
  commissionAccount,
  customerAccount,
  isLedgerAccount,
  rejections,
  type AccountState,
  type DepositSource,
  type LedgerAccount,
  type LedgerAccountId,
  type ReversalReason,
  type WalletEvent,
} from '@billing/wallet-domain';
import type { Accounts } from '../infrastructure/command-unit.js';
import { Directory, type CustomerOwner } from '../infrastructure/directory.js';
import { LedgerService, type ActorContext, type Decided } from './ledger.service.js';
import { Clock } from './clock.js';

export interface DepositResult {
  depositId: string;
  accountId: LedgerAccountId;
  amountMicros: bigint;
  /** accrued for the customer's agent (0 for agent deposits and ITC-direct customers). */
  commissionMicros: bigint;
  balanceAfterMicros: bigint;
  repeated: boolean;
}

export interface TransferResult {
  transferId: string;
  agentId: string;
  customerId: string;
  amountMicros: bigint;
  /** the agent's reference as sent (a repeat answers the one the repeat carried). */
  reference?: string;
  /** null on a repeat: the ledger does not keep a transfer's commission beside its id. */
  commissionMicros: bigint | null;
  agentBalanceAfterMicros: bigint;
  customerBalanceAfterMicros: bigint;
  repeated: boolean;
}

export interface CommissionTransferResult {
  commissionTransferId: string;
  agentId: string;
  amountMicros: bigint;
  commissionBalanceAfterMicros: bigint;
  agentBalanceAfterMicros: bigint;
  repeated: boolean;
}

export interface ReversalResult {
  depositId: string;
  accountId: LedgerAccountId;
  amountMicros: bigint;
  balanceAfterMicros: bigint;
  repeated: boolean;
}

export type DepositTarget = { kind: 'agent'; agentId: string } | { kind: 'customer'; customerId: string };

@Injectable()
export class WalletCommands {
  constructor(
    private readonly ledger: LedgerService,
    private readonly directory: Directory,
    private readonly clock: Clock,
  ) {}

  /** ITC's manual deposit, or an agent's card payment (payments), into the agent's main balance. */
  async depositToAgent(input: { depositId: string; agentId: string; amountMicros: bigint; source: DepositSource }, context: ActorContext): Promise<DepositResult> {
    const outcome = await this.ledger.execute({ type: 'DepositToAgent', ...input, meta: this.clock.meta(context) }, context);
    return depositResult(input.depositId, agentMainAccount(input.agentId), outcome);
  }

  /** ITC's manual deposit or a card top-up (payments) into a customer; accrues its agent's commission. */
  async depositToCustomer(input: { depositId: string; customerId: string; amountMicros: bigint; source: DepositSource }, context: ActorContext): Promise<DepositResult> {
    const meta = this.clock.meta(context);
    const owner = await this.directory.customer(input.customerId);
    if (owner === undefined) throw rejections.customerAccountNotFound();
    const rate = owner.agentId === null ? 0n : await this.commissionRate(owner.agentId, meta.now);
    const outcome = await this.ledger.execute({ type: 'DepositToCustomer', ...input, agentId: owner.agentId, agentCommissionMicroPercent: rate, meta }, context);
    return depositResult(input.depositId, customerAccount(input.customerId), outcome);
  }

  /** The agent moves money from its main balance to one of its customers (409 if it would overdraw). */
  async transferToCustomer(
    input: { transferId: string; agentId: string; customerId: string; amountMicros: bigint; reference?: string },
    context: ActorContext,
    /** the caller's visibility check (it throws), on the owner read together with the rate. */
    authorize: (owner: CustomerOwner | undefined) => void = () => undefined,
  ): Promise<TransferResult> {
    const meta = this.clock.meta(context);
    const found = await this.directory.customerWithAgentRate(input.customerId, meta.now);
    authorize(found?.owner);
    // an agent's own customer has this agent's rate; anyone else's customer is the decider's to refuse
    const rate = found?.owner.agentId === input.agentId && found.rate !== undefined ? found.rate : await this.commissionRate(input.agentId, meta.now);
    const outcome = await this.ledger.execute({ type: 'TransferToCustomer', ...input, agentCommissionMicroPercent: rate, meta }, context);
    const agent = ledgerAccount(outcome.accounts, agentMainAccount(input.agentId));
    const customer = ledgerAccount(outcome.accounts, customerAccount(input.customerId));
    const out = find(outcome, 'TransferredOut');
    const into = find(outcome, 'TransferredIn');
    return {
      ...input,
      amountMicros: into?.amountMicros ?? customer.transfersIn.get(input.transferId) ?? input.amountMicros,
      commissionMicros: into?.commissionMicros ?? null,
      agentBalanceAfterMicros: out?.balanceAfterMicros ?? agent.balanceMicros,
      customerBalanceAfterMicros: into?.balanceAfterMicros ?? customer.balanceMicros,
      repeated: into === undefined,
    };
  }

  /** Commission → the agent's main balance; all of it when amountMicros is null. */
  async transferCommission(input: { commissionTransferId: string; agentId: string; amountMicros: bigint | null }, context: ActorContext): Promise<CommissionTransferResult> {
    const outcome = await this.ledger.execute({ type: 'TransferCommission', ...input, meta: this.clock.meta(context) }, context);
    const commission = ledgerAccount(outcome.accounts, commissionAccount(input.agentId));
    const agent = ledgerAccount(outcome.accounts, agentMainAccount(input.agentId));
    const out = find(outcome, 'CommissionTransferredOut');
    const into = find(outcome, 'CommissionTransferredIn');
    return {
      commissionTransferId: input.commissionTransferId,
      agentId: input.agentId,
      amountMicros: out?.amountMicros ?? commission.commissionTransfers.get(input.commissionTransferId) ?? 0n,
      commissionBalanceAfterMicros: out?.balanceAfterMicros ?? commission.balanceMicros,
      agentBalanceAfterMicros: into?.balanceAfterMicros ?? agent.balanceMicros,
      repeated: out === undefined,
    };
  }

  /** Takes a whole deposit back (refund, chargeback, ITC's correction) with its commission. */
  async reverseDeposit(input: { depositId: string; target: DepositTarget; reason: ReversalReason }, context: ActorContext): Promise<ReversalResult> {
    const { accountId, agentId } = await this.owner(input.target);
    const outcome = await this.ledger.execute({ type: 'ReverseDeposit', depositId: input.depositId, accountId, agentId, reason: input.reason, meta: this.clock.meta(context) }, context);
    const account = ledgerAccount(outcome.accounts, accountId);
    const reversed = find(outcome, 'DepositReversed');
    return {
      depositId: input.depositId,
      accountId,
      amountMicros: reversed?.amountMicros ?? account.deposits.get(input.depositId)?.amountMicros ?? 0n,
      balanceAfterMicros: reversed?.balanceAfterMicros ?? account.balanceMicros,
      repeated: reversed === undefined,
    };
  }

  private async owner(target: DepositTarget): Promise<{ accountId: ReturnType<typeof agentMainAccount> | ReturnType<typeof customerAccount>; agentId: string | null }> {
    if (target.kind === 'agent') return { accountId: agentMainAccount(target.agentId), agentId: target.agentId };
    const owner = await this.directory.customer(target.customerId);
    if (owner === undefined) throw rejections.customerAccountNotFound();
    return { accountId: customerAccount(target.customerId), agentId: owner.agentId };
  }

  private async commissionRate(agentId: string, now: string): Promise<bigint> {
    const rate = await this.directory.commissionRateAt(agentId, now);
    // the agent's rate and its ledger accounts come from the same AgentRegistered
    if (rate === undefined) throw rejections.agentAccountNotFound();
    return rate;
  }
}

function find<T extends WalletEvent['type']>(outcome: Decided, type: T): Extract<WalletEvent, { type: T }> | undefined {
  if (outcome.kind !== 'decided') return undefined;
  return outcome.events.find((event): event is Extract<WalletEvent, { type: T }> => event.type === type);
}

function ledgerAccount(accounts: Accounts, accountId: LedgerAccountId): LedgerAccount {
  const state: AccountState | undefined = accounts.get(accountId);
  if (state === undefined || !isLedgerAccount(state)) throw new Error(`${accountId} should be open after a decided command`);
  return state;
}

function depositResult(depositId: string, accountId: LedgerAccountId, outcome: Decided): DepositResult {
  const deposited = find(outcome, 'FundsDeposited');
  const account = ledgerAccount(outcome.accounts, accountId);
  const record = account.deposits.get(depositId);
  return {
    depositId,
    accountId,
    amountMicros: deposited?.amountMicros ?? record?.amountMicros ?? 0n,
    commissionMicros: deposited?.commissionMicros ?? record?.commissionMicros ?? 0n,
    balanceAfterMicros: deposited?.balanceAfterMicros ?? account.balanceMicros,
    repeated: deposited === undefined,
  };
}
