// The command-side API rating calls in-process (docs/ARCHITECTURE.md, Shape: call authorization is the one
// synchronous call between services). Holds are placed by the authorizer, charges come with each
// rated CDR (with the consumer's inbox entry when they arrive as integration events), releases
// for calls that never connected; unsettled holds expire through HoldSweeper.
import { Injectable, Logger, Optional } from '@nestjs/common';
import { compareCheckpoints, type Checkpoint, type InboxEntry } from '@billing/event-store';
import { customerAccount, isLedgerAccount, type ChargeCall, type WalletEvent } from '@billing/wallet-domain';
import { recordCommittedEvents } from '@billing/messaging';
import type { CommandOutcome } from '../infrastructure/command-unit.js';
import { publishedEventIds } from '../infrastructure/event-ids.js';
import { Directory } from '../infrastructure/directory.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { Clock } from './clock.js';
import { LedgerService, PROJECTED_WITHIN_MS, type ActorContext } from './ledger.service.js';

/** Hold lifetime when the caller gives none: docs/rating.md's maxCallSeconds (3 h) plus a margin for the CDR. */
export const DEFAULT_HOLD_TTL_MS = 3 * 3_600_000 + 10 * 60_000;

const SYSTEM: ActorContext = { actor: 'system:rating' };

export type HoldResult =
  | { readonly granted: true; readonly grantedMicros: bigint; readonly expiresAt: string }
  /** nothing granted: rating answers maxDurationSeconds 0 with `reason`. */
  | { readonly granted: false; readonly grantedMicros: 0n; readonly code: string; readonly reason: string };

export type ChargeResult =
  | { readonly charged: true; readonly costMicros: bigint; readonly settledHold: boolean; readonly balanceAfterMicros: bigint }
  /** already charged (a repeat) or free without a hold: nothing moved. */
  | { readonly charged: false; readonly reason: 'already-charged' | 'nothing-to-charge' }
  | { readonly charged: false; readonly reason: 'rejected'; readonly code: string; readonly message: string };

/** Who settles (default: rating's system actor) and how long the answer may wait for the views at most. */
export interface SettlementOptions {
  readonly context?: ActorContext;
  readonly withinMs?: number;
}

export interface CallCharge {
  readonly customerId: string;
  readonly callId: string;
  readonly costMicros: bigint;
}

@Injectable()
export class WalletCalls {
  private readonly logger = new Logger('WalletCalls');

  constructor(
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly directory: Directory,
    /** absent only in tools that run the ledger without its views. */
    @Optional() private readonly projections?: WalletProjections,
  ) {}

  /** Grants min(requestedMicros, available); a second call for the same callId answers the open hold. */
  async placeHold(input: { customerId: string; callId: string; requestedMicros: bigint; expiresAt?: string }, context = SYSTEM): Promise<HoldResult> {
    const meta = this.clock.meta(context);
    const expiresAt = input.expiresAt ?? new Date(Date.parse(meta.now) + DEFAULT_HOLD_TTL_MS).toISOString();
    const command = { type: 'PlaceHold' as const, customerId: input.customerId, callId: input.callId, requestedMicros: input.requestedMicros, expiresAt, meta };
    let outcome = await this.ledger.run(command, context);
    // a customer accounts has opened but the wallet has not consumed yet (issue 12 §6): the directory
    // fills the miss with its events from accounts (AccountsCatchUp), then the hold is tried again
    if (outcome.kind === 'rejected' && outcome.error.code === 'account_not_found' && (await this.directory.customer(input.customerId)) !== undefined) {
      outcome = await this.ledger.run(command, context);
    }
    if (outcome.kind === 'rejected') return { granted: false, grantedMicros: 0n, code: outcome.error.code, reason: outcome.error.message };
    const customer = outcome.accounts.get(customerAccount(input.customerId));
    const hold = customer !== undefined && isLedgerAccount(customer) ? customer.holds.get(input.callId) : undefined;
    // a repeat whose hold has ended (settled, released or expired) grants nothing more
    if (hold === undefined) return { granted: false, grantedMicros: 0n, code: 'hold_ended', reason: 'this call was already authorized and its hold has ended' };
    return { granted: true, grantedMicros: hold.grantedMicros, expiresAt: hold.expiresAt };
  }

  /**
   * The rated cost of a call: settles its hold (releasing the rest) or charges without one. Never
   * twice for one callId: the charge's event id is derived from it. Pass the consumer's inbox entry
   * when the charge comes from an integration event, so a redelivery is recognised.
   */
  async chargeCall(charge: CallCharge, options: { inbox?: InboxEntry; context?: ActorContext } = {}): Promise<ChargeResult> {
    return (await this.chargeOne(charge, options)).result;
  }

  /**
   * The charges of the CDRs rating has just recorded, while the switch waits for its answer (issue 12
   * §5: read-your-writes after a CDR): the same ChargeCall under the same unit key as the charge the
   * integration event brings later — so whichever comes second moves nothing —, answered once the
   * views show them (bounded, like every command's answer, and by `withinMs`: what is left of the
   * CDR answer's budget). A customer accounts opened but the wallet has not consumed yet is filled
   * in from accounts' history and charged again, as for a hold.
   */
  async chargeRatedCalls(charges: readonly CallCharge[], options: SettlementOptions = {}): Promise<ChargeResult[]> {
    const context = options.context ?? SYSTEM;
    const charged = await Promise.all(charges.map((charge) => this.chargeOne(charge, { context })));
    for (const [index, { result }] of charged.entries()) {
      if (result.charged || result.reason !== 'rejected' || result.code !== 'account_not_found') continue;
      if ((await this.directory.customer(charges[index]!.customerId)) !== undefined) charged[index] = await this.chargeOne(charges[index]!, { context });
    }
    // a charge its integration event made first (consumed concurrently) was written by that consumer, not here
    const chargedElsewhere = charged.some(({ result }) => !result.charged && result.reason === 'already-charged');
    await this.projected(charged.map((charge) => charge.written), `${charges.length} call charges`, options.withinMs, chargedElsewhere);
    return charged.map((charge) => charge.result);
  }

  /**
   * The holds of the CDRs rating has just recorded that no charge settles (unanswered, unrated
   * calls), all at once: group-committed like the charges and answered once the views show them
   * (one wait for the batch, bounded as chargeRatedCalls). A hold already ended (or never placed)
   * releases nothing; a refusal (an account the wallet does not know) releases nothing either —
   * the call's event tries again.
   */
  async releaseHolds(releases: readonly { customerId: string; callId: string }[], options: SettlementOptions = {}): Promise<{ releasedMicros: bigint }[]> {
    const context = options.context ?? SYSTEM;
    const released = await Promise.all(releases.map((release) => this.releaseOne(release, context)));
    // a hold that released nothing here may have been released by its call's integration event a moment earlier
    const releasedElsewhere = released.some((release) => release.written === undefined);
    await this.projected(released.map((release) => release.written), `${releases.length} hold releases`, options.withinMs, releasedElsewhere);
    return released.map(({ releasedMicros }) => ({ releasedMicros }));
  }

  /**
   * Waits until the views show the latest of `written`, at most PROJECTED_WITHIN_MS (or `withinMs` if
   * shorter) — or everything committed so far when some of the work was done by another writer
   * (`doneElsewhere`: its checkpoint is not in `written`; a CI run's balance read missed such a charge).
   */
  private async projected(written: readonly (Checkpoint | undefined)[], what: string, withinMs = PROJECTED_WITHIN_MS, doneElsewhere = false): Promise<void> {
    const last = written.reduce<Checkpoint | undefined>((max, checkpoint) => (checkpoint === undefined || (max !== undefined && compareCheckpoints(checkpoint, max) <= 0) ? max : checkpoint), undefined);
    const within = Math.min(PROJECTED_WITHIN_MS, withinMs);
    if (this.projections === undefined || within <= 0 || (last === undefined && !doneElsewhere)) return;
    const shown = doneElsewhere ? await this.projections.waitUntilHeadProjected(within) : await this.projections.waitUntilProjected(last!, within);
    if (!shown) this.logger.warn(`${what}: the projections did not show them within ${within} ms; answered anyway`);
  }

  private async releaseOne(input: { customerId: string; callId: string }, context: ActorContext): Promise<{ releasedMicros: bigint; written?: Checkpoint }> {
    // the ledger's one command, ids recorded, without its own wait: releaseHolds waits once for all
    const { outcome, written } = await this.ledger.runRecorded({ type: 'ReleaseHold', ...input, meta: this.clock.meta(context) }, context);
    if (outcome.kind !== 'decided') return { releasedMicros: 0n };
    const released = outcome.events.find((event) => event.type === 'HoldReleased');
    return { releasedMicros: released?.type === 'HoldReleased' ? released.heldMicros : 0n, ...(written === undefined ? {} : { written }) };
  }

  private async chargeOne(charge: CallCharge, options: { inbox?: InboxEntry; context?: ActorContext }): Promise<{ result: ChargeResult; written?: Checkpoint }> {
    const context = options.context ?? SYSTEM;
    const command: ChargeCall = { type: 'ChargeCall', ...charge, meta: this.clock.meta(context) };
    const key = `charge:${charge.customerId}:${charge.callId}`;
    const unit = await this.ledger.submit({
      commands: [command],
      key,
      metadata: { actor: context.actor, correlationId: context.correlationId ?? key, causationId: options.inbox?.messageId ?? key },
      ...(options.inbox === undefined ? {} : { inbox: options.inbox, source: `charge:${options.inbox.messageId}` }),
    });
    if (unit.kind === 'duplicate-message') return { result: { charged: false, reason: 'already-charged' } };
    const outcome = unit.outcomes[0]!;
    // a CDR's answer waits for the reports too (read-your-writes; no-op for a consumer's charge: no request)
    if (outcome.kind === 'decided') recordCommittedEvents(publishedEventIds(outcome.events, `${key}:0`));
    return { result: chargeResult(outcome), ...(unit.written === undefined ? {} : { written: unit.written }) };
  }

  /** Many charges at once (a CDR batch): group-committed across customers (≤ 490 accounts per transaction), one result per charge, in order. */
  chargeCalls(charges: readonly CallCharge[], context = SYSTEM): Promise<ChargeResult[]> {
    return Promise.all(charges.map((charge) => this.chargeCall(charge, { context })));
  }

  /** The call never connected: its hold is released (nothing if it has none). */
  async releaseHold(input: { customerId: string; callId: string }, context = SYSTEM): Promise<{ releasedMicros: bigint }> {
    const outcome = await this.ledger.execute({ type: 'ReleaseHold', ...input, meta: this.clock.meta(context) }, context);
    const released = outcome.kind === 'decided' ? outcome.events.find((event) => event.type === 'HoldReleased') : undefined;
    return { releasedMicros: released?.type === 'HoldReleased' ? released.heldMicros : 0n };
  }

  /** Expires the customer's holds whose expiresAt has passed (the sweeper calls this). */
  async expireHolds(customerId: string, context: ActorContext = { actor: 'system:hold-sweeper' }): Promise<{ expired: number }> {
    const outcome = await this.ledger.execute({ type: 'ExpireHolds', customerId, meta: this.clock.meta(context) }, context);
    return { expired: outcome.kind === 'decided' ? outcome.events.filter((event) => event.type === 'HoldExpired').length : 0 };
  }
}

function chargeResult(outcome: CommandOutcome): ChargeResult {
  if (outcome.kind === 'rejected') return { charged: false, reason: 'rejected', code: outcome.error.code, message: outcome.error.message };
  if (outcome.kind === 'duplicate') return { charged: false, reason: 'already-charged' };
  const charge = outcome.events.find((event): event is Extract<WalletEvent, { type: 'HoldSettled' | 'CallCharged' }> => event.type === 'HoldSettled' || event.type === 'CallCharged');
  if (charge === undefined) {
    const customer = outcome.accounts.get(customerAccount(outcome.command.type === 'ChargeCall' ? outcome.command.customerId : ''));
    const recent = customer !== undefined && isLedgerAccount(customer) && outcome.command.type === 'ChargeCall' && customer.recentChargedCallIds.includes(outcome.command.callId);
    return { charged: false, reason: recent ? 'already-charged' : 'nothing-to-charge' };
  }
  return { charged: true, costMicros: charge.costMicros, settledHold: charge.type === 'HoldSettled', balanceAfterMicros: charge.balanceAfterMicros };
}
