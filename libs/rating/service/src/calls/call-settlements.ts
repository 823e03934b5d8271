// What a recorded CDR changes in the wallet, settled while the switch waits for the answer (issue 12
// §5: read-your-writes after a CDR): a rated call is charged (settling its hold), an unrated or
// unanswered call's hold is released — exactly what the wallet does when it consumes the call's
// integration event, through the same synchronous port as the holds of authorization. The wallet
// keys both by call, so the event arriving later moves nothing. A wallet that fails or is slow does
// not fail the CDR (the call is recorded, the event still settles it): the answer goes out, logged.
import type { CallEvent } from '@billing/rating-domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WALLET_HOLDS, type WalletHolds } from '../rating.options.js';

export interface SettlementCollector {
  /** the events one CDR wrote (a repeat that wrote nothing is not added: it was settled before). */
  add(events: readonly CallEvent[]): void;
  /** charges and releases everything added, answered once the wallet's reads show it. */
  flush(): Promise<void>;
}

interface CallCharge {
  readonly customerId: string;
  readonly callId: string;
  readonly costMicros: bigint;
}

@Injectable()
export class CallSettlements {
  private readonly logger = new Logger('CallSettlements');

  constructor(@Inject(WALLET_HOLDS) private readonly wallet: WalletHolds) {}

  collector(): SettlementCollector {
    const charges: CallCharge[] = [];
    const releases: { customerId: string; callId: string }[] = [];
    return {
      add: (events) => {
        for (const event of events) {
          if (event.type === 'CallRated' || event.type === 'CallReRated') charges.push({ customerId: event.customerId, callId: event.callId, costMicros: event.costMicros });
          else if (event.type !== 'CallAuthorized' && event.customerId !== null && event.holdId !== null) releases.push({ customerId: event.customerId, callId: event.callId });
        }
      },
      flush: () => this.settle(charges, releases),
    };
  }

  private async settle(charges: readonly CallCharge[], releases: readonly { customerId: string; callId: string }[]): Promise<void> {
    const settled = await Promise.allSettled([
      ...(charges.length === 0 ? [] : [this.wallet.chargeRatedCalls(charges)]),
      ...releases.map((release) => this.wallet.releaseHold(release)),
    ]);
    for (const result of settled) {
      if (result.status === 'rejected') this.logger.warn(`calls recorded, their wallet settlement left to the integration events: ${String(result.reason)}`);
    }
  }
}
