// Call authorization (docs/rating.md, issue 5 §3): price the destination, count the customer's open
// calls, ask wallet for a hold worth the longest call allowed, turn what wallet granted back into
// whole blocks (maxDurationForAmount), record CallAuthorized. Two concurrent calls cannot spend
// the same money: wallet grants each hold from `balance − holds`, and each granted duration costs
// at most its grant. Every refusal has its own reason; the answer is 200 either way (the switch
// reads `allowed`).
import { RejectedCommand } from '@billing/decider';
import { COMMIT_WITHOUT_FLUSH, WrongExpectedVersionError } from '@billing/event-store';
import { formatMoney } from '@billing/money';
import {
  costForDuration,
  decideCall,
  featureRefusal,
  isRetryOf,
  maxDurationForAmount,
  missingFeatureOf,
  normaliseDestination,
  type CallFeatures,
  type CallPricing,
  type MissingFeature,
} from '@billing/rating-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { metadataOf, type CommandContext } from '../application/command-context.js';
import { CustomerDirectory, type DirectoryCustomer, type FollowMe } from '../accounts/directory.js';
import { CustomerFeatures } from '../accounts/customer-features.js';
import { RatingClock } from '../infrastructure/clock.js';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { RATING_OPTIONS, WALLET_HOLDS, type ResolvedRatingOptions, type WalletHolds } from '../rating.options.js';
import { CallCommitter } from './call-committer.js';
import { CallStore, type LoadedCall } from './call-store.js';
import { CallPricer } from './pricing.js';

export interface AuthorizationRequest {
  readonly callId: string;
  readonly account: string | null;
  readonly sipUsername: string | null;
  /** the address the call came from: names the customer (an IPBX trunk) when account and sipUsername are null. */
  readonly sourceIp: string | null;
  readonly callerId: string;
  readonly destination: string;
}

export const REFUSAL_REASONS = [
  'unknown_account',
  // a call that names no account nor user, from an address no trunk holds / that several accounts share without a tech prefix that tells them apart
  'unknown_source_address',
  'ambiguous_source_address',
  'account_mismatch',
  'account_suspended',
  'account_closed',
  'agent_suspended',
  'invalid_destination',
  'no_rate_sheet',
  'no_rate',
  'max_concurrent_calls',
  // a PBX feature ITC has not given the customer (the answer's `feature` names it)
  'feature_international_calls_not_assigned',
  'feature_premium_destinations_not_assigned',
  // the SIP user the call names is suspended (the account's other users may still call)
  'sip_user_suspended',
  'insufficient_balance',
  'in_debt',
  'call_already_ended',
  'call_already_authorized',
  'wallet_refused',
  'wallet_unavailable',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The wallet's reason for granting nothing, as the switch is told it. */
const HOLD_REFUSALS: Readonly<Record<string, RefusalReason>> = {
  insufficient_funds: 'insufficient_balance',
  // a call was charged beyond the floor: nothing more until a deposit covers the debt
  in_debt: 'in_debt',
  account_closed: 'account_closed',
  hold_ended: 'call_already_ended',
  wallet_unavailable: 'wallet_unavailable',
};

export interface AuthorizationAnswer {
  readonly allowed: boolean;
  /** 0 = refused. */
  readonly maxDurationSeconds: number;
  readonly reason: RefusalReason | null;
  /** the first interval's rate of the matched row (decimal string), when the destination is rated. */
  readonly ratePerMinute: string | null;
  /** the caller id to present: the one sent when it is one of the customer's, else the default. */
  readonly callerId: string | null;
  readonly followMe: FollowMe | null;
  /** the missing PBX feature when the reason is a feature_…_not_assigned, else null. */
  readonly feature: MissingFeature | null;
  /** what was held in wallet (decimal string), for the switch's logs. */
  readonly granted: string;
}

const MAX_ATTEMPTS = 5;

@Injectable()
export class AuthorizationService {
  private readonly logger = new Logger('Authorization');

  constructor(
    @Inject(CallPricer) private readonly pricer: CallPricer,
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(CallStore) private readonly calls: CallStore,
    @Inject(CallCommitter) private readonly committer: CallCommitter,
    @Inject(RatingClock) private readonly clock: RatingClock,
    @Inject(RatingDatabase) private readonly db: RatingDatabase,
    @Inject(WALLET_HOLDS) private readonly wallet: WalletHolds,
    @Inject(RATING_OPTIONS) private readonly options: ResolvedRatingOptions,
    @Inject(CustomerFeatures) private readonly features: CustomerFeatures,
  ) {}

  async authorize(context: CommandContext, request: AuthorizationRequest): Promise<AuthorizationAnswer> {
    const now = this.clock.now();
    const { pricing, customer, destination } = await this.pricer.price({ ...request, startedAt: now.toISOString() });
    const refuse = (reason: RefusalReason, rated = pricing): AuthorizationAnswer => refusal(reason, rated, customer, request.callerId);
    if (pricing.kind === 'unpriced') return refuse(pricing.reason);
    if (customer === null) return refuse('unknown_account');
    if (customer.agentId !== null && (await this.directory.agent(customer.agentId))?.status === 'suspended') return refuse('agent_suspended');
    const features = await this.features.at(customer.customerId, now.toISOString());
    const switchCustomer = withFeatures(customer, features);
    const sipUser = request.sipUsername === null ? null : await this.directory.sipUser(request.sipUsername);
    const callingUser = sipUser !== null && sipUser.customerId === customer.customerId ? sipUser : null;
    if (callingUser?.status === 'suspended') return refuse('sip_user_suspended');
    const call = await this.calls.loadFromStream(request.callId);
    if (call.state.outcome !== null) return refuse('call_already_ended');
    const existing = call.state.authorization;
    if (existing !== null) {
      // The switch retried: the call is authorized already, and its terms stand. A "retry" for
      // another customer or number is another call reusing the id: its grant was priced for the
      // first destination (answering it would hand out the first call's seconds at the second's
      // rate, and overspend a prepaid balance), so it is refused.
      const number = normaliseDestination(destination);
      if (!number.ok || !isRetryOf(existing, { customerId: customer.customerId, destinationDigits: number.digits })) return refuse('call_already_authorized');
      return allowed(pricing, existing.maxDurationSeconds, existing.grantedMicros, switchCustomer, request.callerId);
    }
    // what ITC has not given the customer is refused before anything is held
    const digits = normaliseDestination(destination);
    const missing = digits.ok ? featureRefusal(features, digits.digits) : null;
    if (missing !== null) return refuse(missing);

    const maxCallSeconds = Math.min(this.options.maxCallSeconds, customer.maxCallDurationSeconds);
    const requestedMicros = costForDuration(pricing.row, pricing.rounding, maxCallSeconds);
    const expiresAt = new Date(now.getTime() + (maxCallSeconds + this.options.holdGraceSeconds) * 1000);
    const slotUser = { sipUsername: request.sipUsername, maxConcurrentCalls: callingUser?.maxConcurrentCalls ?? null };
    if (!(await this.reserveSlot(customer, slotUser, request.callId, now, expiresAt))) return refuse('max_concurrent_calls');

    let grantedMicros = 0n;
    let holdId: string | null = null;
    let maxDurationSeconds = maxCallSeconds;
    if (requestedMicros > 0n) {
      const hold = await this.wallet.placeHold({ customerId: customer.customerId, callId: request.callId, requestedMicros, expiresAt: expiresAt.toISOString() });
      if (!hold.granted) {
        await this.releaseSlot(request.callId);
        return refuse(HOLD_REFUSALS[hold.code] ?? 'wallet_refused');
      }
      grantedMicros = hold.grantedMicros;
      holdId = request.callId; // wallet keys holds by call id
      maxDurationSeconds = maxDurationForAmount(pricing.row, pricing.rounding, grantedMicros, maxCallSeconds);
      if (maxDurationSeconds === 0) {
        await this.undo(customer.customerId, request.callId);
        return refuse('insufficient_balance');
      }
    }

    try {
      const number = normaliseDestination(destination);
      if (!number.ok) throw new Error(`a priced call has a valid destination: ${destination}`);
      await this.record(context, call, pricing, { destinationDigits: number.digits, holdId, grantedMicros, maxDurationSeconds });
    } catch (error) {
      await this.undo(customer.customerId, request.callId, holdId !== null);
      // a concurrent authorization of the same call id got there first
      if (error instanceof RejectedCommand && (error.code === 'call_already_ended' || error.code === 'call_already_authorized')) return refuse(error.code);
      throw error;
    }
    return allowed(pricing, maxDurationSeconds, grantedMicros, switchCustomer, request.callerId);
  }

  /** Records CallAuthorized on the call as loaded at the start (reloaded only after a race). */
  private async record(context: CommandContext, loaded: LoadedCall, pricing: Extract<CallPricing, { kind: 'priced' }>, grant: { destinationDigits: string; holdId: string | null; grantedMicros: bigint; maxDurationSeconds: number }): Promise<void> {
    const callId = loaded.callId;
    for (let attempt = 1; ; attempt += 1) {
      const call = attempt === 1 ? loaded : await this.calls.loadFromStream(callId);
      const events = decideCall(
        {
          type: 'AuthorizeCall',
          callId,
          customerId: pricing.customerId,
          agentId: pricing.agentId,
          destinationDigits: grant.destinationDigits,
          prefix: pricing.row.prefix,
          sheetId: pricing.sheetId,
          versionId: pricing.versionId,
          holdId: grant.holdId,
          grantedMicros: grant.grantedMicros,
          maxDurationSeconds: grant.maxDurationSeconds,
          meta: this.clock.meta('switch'),
        },
        call.state,
      );
      try {
        // group-committed with the other authorizations in flight
        await this.committer.commit({ call, events, commandId: null }, metadataOf(context));
        return;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  /**
   * One slot per open authorization; refused when the customer already has maxConcurrentCalls, or
   * the calling SIP user its own limit.
   */
  private async reserveSlot(
    customer: DirectoryCustomer,
    user: { sipUsername: string | null; maxConcurrentCalls: number | null },
    callId: string,
    now: Date,
    expiresAt: Date,
  ): Promise<boolean> {
    // Committed without waiting for the WAL flush: the CallAuthorized that follows is durable and
    // its flush carries this earlier commit with it; a slot lost in a crash before that belongs to
    // a call that was never authorized.
    const { rows } = await this.db.pool.query<{ reserved: boolean }>(`SELECT ${this.db.schema}.reserve_user_call_slot($1, $2, $3, $4, $5, $6, $7) AS reserved, ${COMMIT_WITHOUT_FLUSH}`, [
      customer.customerId,
      callId,
      customer.maxConcurrentCalls,
      user.sipUsername,
      user.maxConcurrentCalls,
      now.toISOString(),
      expiresAt.toISOString(),
    ]);
    return rows[0]?.reserved === true;
  }

  private async releaseSlot(callId: string): Promise<void> {
    await this.db.pool.query(`DELETE FROM ${this.db.table('call_slots')} WHERE call_id = $1`, [callId]);
  }

  /** Gives back what an authorization that did not go through took (best effort: holds also expire). */
  private async undo(customerId: string, callId: string, releaseHold = true): Promise<void> {
    try {
      if (releaseHold) await this.wallet.releaseHold({ customerId, callId });
    } catch (error) {
      this.logger.warn(`hold of call ${callId} not released (it will expire): ${String(error)}`);
    }
    await this.releaseSlot(callId);
  }
}

function allowed(pricing: Extract<CallPricing, { kind: 'priced' }>, maxDurationSeconds: number, grantedMicros: bigint, customer: DirectoryCustomer, callerId: string): AuthorizationAnswer {
  return {
    allowed: true,
    maxDurationSeconds,
    reason: null,
    ratePerMinute: formatMoney(pricing.row.intervals[0]!.ratePerMinuteMicros),
    callerId: presentedCallerId(customer, callerId),
    followMe: customer.followMe,
    feature: null,
    granted: formatMoney(grantedMicros),
  };
}

function refusal(reason: RefusalReason, pricing: CallPricing, customer: DirectoryCustomer | null, callerId: string): AuthorizationAnswer {
  return {
    allowed: false,
    maxDurationSeconds: 0,
    reason,
    ratePerMinute: pricing.kind === 'priced' ? formatMoney(pricing.row.intervals[0]!.ratePerMinuteMicros) : null,
    callerId: customer === null ? null : presentedCallerId(customer, callerId),
    followMe: null,
    feature: missingFeatureOf(reason),
    granted: '0',
  };
}

/** FollowMe reaches the switch only while ITC gives the customer the feature. */
function withFeatures(customer: DirectoryCustomer, features: CallFeatures): DirectoryCustomer {
  return features.followMe ? customer : { ...customer, followMe: null };
}

/** The caller id sent when it is one of the customer's CallerIDs (compared as digits), else the default. */
function presentedCallerId(customer: DirectoryCustomer, sent: string): string | null {
  const digits = normaliseDestination(sent);
  if (digits.ok) {
    const own = customer.callerIds.find((callerId) => {
      const candidate = normaliseDestination(callerId);
      return candidate.ok && candidate.digits === digits.digits;
    });
    if (own !== undefined) return own;
  }
  return customer.defaultCallerId;
}
