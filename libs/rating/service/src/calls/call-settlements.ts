// What a recorded CDR changes in the wallet, settled while the switch waits for the answer (issue 12
// §5: read-your-writes after a CDR): a rated call is charged (settling its hold), an unrated or
// unanswered call's hold is released — exactly what the wallet does when it consumes the call's
// integration event, through the same synchronous port as the holds of authorization. The wallet
// keys both by call, so the event arriving later moves nothing. One charge batch and one release
// batch per request (one HTTP request each between processes, however many calls).
// A wallet that fails or is slow does not fail the CDR (the call is recorded, the event still
// settles it): the settlement gets what is left of the answer's budget, then the answer goes out, logged.
import type { CallEvent } from '@billing/rating-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WALLET_HOLDS, type WalletHolds } from '../rating.options.js';

/**
 * A CDR's answer takes at most ~5 s (docs/rating.md §8): recording and the wallet's settlement
 * share the first 3 s — the settlement gets what the recording left of them —, the reports' wait
 * at the edge (READ_MODELS_WITHIN_MS, 2 s) the rest. The switch must not hang on a slow wallet.
 */
export const SETTLEMENT_DEADLINE_MS = 3_000;

export interface SettlementCollector {
  /** the events one CDR wrote (a repeat that wrote nothing is not added: it was settled before). */
  add(events: readonly CallEvent[]): void;
  /** charges and releases everything added, answered once the wallet's reads show it or the deadline passed. */
  flush(): Promise<void>;
}

interface CallCharge {
  readonly customerId: string;
  readonly callId: string;
  readonly costMicros: bigint;
}

interface HoldRelease {
  readonly customerId: string;
  readonly callId: string;
}

@Injectable()
export class CallSettlements {
  private readonly logger = new Logger('CallSettlements');

  constructor(@Inject(WALLET_HOLDS) private readonly wallet: WalletHolds) {}

  /**
   * A collector for one request; its deadline starts now (call it when the request starts), `budgetMs`
   * later (a request recording many calls one by one, a bulk re-rate, gives itself more).
   */
  collector(budgetMs = SETTLEMENT_DEADLINE_MS): SettlementCollector {
    const deadline = performance.now() + budgetMs;
    const charges: CallCharge[] = [];
    const releases: HoldRelease[] = [];
    return {
      add: (events) => {
        for (const event of events) {
          if (event.type === 'CallRated' || event.type === 'CallReRated') charges.push({ customerId: event.customerId, callId: event.callId, costMicros: event.costMicros });
          else if (event.type !== 'CallAuthorized' && event.customerId !== null && event.holdId !== null) releases.push({ customerId: event.customerId, callId: event.callId });
        }
      },
      flush: () => this.settle(charges, releases, Math.floor(deadline - performance.now())),
    };
  }

  private async settle(charges: readonly CallCharge[], releases: readonly HoldRelease[], withinMs: number): Promise<void> {
    if (charges.length === 0 && releases.length === 0) return;
    if (withinMs <= 0) {
      this.logger.warn(`${charges.length + releases.length} calls recorded past the answer's deadline: their wallet settlement left to the integration events`);
      return;
    }
    const settled = await Promise.allSettled([
      ...(charges.length === 0 ? [] : [this.wallet.chargeRatedCalls(charges, { withinMs })]),
      ...(releases.length === 0 ? [] : [this.wallet.releaseHolds(releases, { withinMs })]),
    ]);
    for (const result of settled) {
      if (result.status === 'rejected') this.logger.warn(`calls recorded, their wallet settlement left to the integration events: ${String(result.reason)}`);
    }
  }
}
