// Distributed mode: the wallet's hold API over HTTP (libs/contracts holds-api.ts). Authorization
// and the CDR answer (the charges and releases of its calls, one request each per CDR post) wait
// on it, so every call is bounded — a settlement by what is left of the CDR answer's budget; a
// wallet that cannot be reached grants nothing — the switch gets a refusal with a reason instead
// of a call nobody can pay for.
import {
  CALL_CHARGES_API_PATH,
  ChargeCallsResponseV1,
  HOLD_RELEASES_API_PATH,
  HOLDS_API_PATH,
  MAX_HOLD_REQUEST_MICROS,
  MAX_SETTLEMENT_WITHIN_MS,
  PlaceHoldResponseV1,
  ReleaseHoldResponseV1,
  ReleaseHoldsResponseV1,
  type ChargeCallsRequestV1,
  type PlaceHoldRequestV1,
  type ReleaseHoldRequestV1,
  type ReleaseHoldsRequestV1,
} from '@billing/contracts';
import { formatMoney, parseMoney } from '@billing/money';
import { callServiceJson } from '@billing/gateway';
import { Global, Inject, Injectable, Logger, Module, type DynamicModule } from '@nestjs/common';
import type { z } from 'zod';
import type { SettlementWithin, WalletHolds } from '../rating.options.js';

export interface RemoteWalletOptions {
  /** the wallet process, e.g. `http://127.0.0.1:3102`. */
  baseUrl: string;
  /** INTERNAL_SERVICE_KEY (the wallet's internal routes take the `service` role only). */
  apiKey: string;
  /** per request (default 2 s: the switch is waiting on the answer); a CDR's charges and releases get what is left of its answer's budget instead. */
  timeoutMs?: number;
}

const REMOTE_WALLET_OPTIONS = Symbol('REMOTE_WALLET_OPTIONS');

type PlaceHoldAnswer = Awaited<ReturnType<WalletHolds['placeHold']>>;

@Injectable()
export class RemoteWalletHolds implements WalletHolds {
  private readonly logger = new Logger('RemoteWalletHolds');
  private readonly timeoutMs: number;

  constructor(@Inject(REMOTE_WALLET_OPTIONS) private readonly options: RemoteWalletOptions) {
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  async placeHold(input: { customerId: string; callId: string; requestedMicros: bigint; expiresAt?: string }): Promise<PlaceHoldAnswer> {
    const body: PlaceHoldRequestV1 = {
      customerId: input.customerId,
      callId: input.callId,
      // the contract's bound: the wallet grants at most what is available, the call lasts what that pays for
      requested: formatMoney(input.requestedMicros < MAX_HOLD_REQUEST_MICROS ? input.requestedMicros : MAX_HOLD_REQUEST_MICROS),
      ...(input.expiresAt === undefined ? {} : { expiresAt: input.expiresAt }),
    };
    let answer: PlaceHoldResponseV1;
    try {
      answer = await this.post(HOLDS_API_PATH, body, PlaceHoldResponseV1);
    } catch (error) {
      this.logger.warn(`hold for call ${input.callId} not placed: ${String(error)}`);
      return { granted: false, grantedMicros: 0n, code: 'wallet_unavailable', reason: 'the wallet could not be reached' };
    }
    if (!answer.granted) return { granted: false, grantedMicros: 0n, code: answer.code, reason: answer.reason };
    return { granted: true, grantedMicros: parseMoney(answer.grantedAmount), expiresAt: answer.expiresAt };
  }

  async releaseHold(input: { customerId: string; callId: string }): Promise<{ releasedMicros: bigint }> {
    const body: ReleaseHoldRequestV1 = { customerId: input.customerId, callId: input.callId };
    const answer = await this.post(`${HOLDS_API_PATH}/release`, body, ReleaseHoldResponseV1);
    return { releasedMicros: parseMoney(answer.releasedAmount) };
  }

  async chargeRatedCalls(charges: readonly { customerId: string; callId: string; costMicros: bigint }[], within?: SettlementWithin): Promise<readonly { readonly charged: boolean }[]> {
    const body: ChargeCallsRequestV1 = {
      charges: charges.map((charge) => ({ customerId: charge.customerId, callId: charge.callId, cost: formatMoney(charge.costMicros) })),
      ...budget(within),
    };
    return (await this.post(CALL_CHARGES_API_PATH, body, ChargeCallsResponseV1, within?.withinMs)).results;
  }

  async releaseHolds(releases: readonly { customerId: string; callId: string }[], within?: SettlementWithin): Promise<readonly { readonly releasedMicros: bigint }[]> {
    const body: ReleaseHoldsRequestV1 = { releases: releases.map((release) => ({ customerId: release.customerId, callId: release.callId })), ...budget(within) };
    const answer = await this.post(HOLD_RELEASES_API_PATH, body, ReleaseHoldsResponseV1, within?.withinMs);
    return answer.results.map((result) => ({ releasedMicros: parseMoney(result.releasedAmount) }));
  }

  private post<T>(path: string, body: unknown, schema: z.ZodType<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return callServiceJson({ baseUrl: this.options.baseUrl, path, apiKey: this.options.apiKey, timeoutMs, schema, body });
  }
}

/** The settlement budget the wallet waits within, as the contract bounds it (whole ms, 1–MAX_SETTLEMENT_WITHIN_MS). */
function budget(within: SettlementWithin | undefined): { withinMs?: number } {
  if (within?.withinMs === undefined) return {};
  return { withinMs: Math.min(MAX_SETTLEMENT_WITHIN_MS, Math.max(1, Math.floor(within.withinMs))) };
}

/** Provides RemoteWalletHolds app-wide: `RatingModule.forRoot({ wallet: RemoteWalletHolds, ... })`. */
@Global()
@Module({})
export class RemoteWalletModule {
  static forRoot(options: RemoteWalletOptions): DynamicModule {
    return {
      module: RemoteWalletModule,
      providers: [{ provide: REMOTE_WALLET_OPTIONS, useValue: options }, RemoteWalletHolds],
      exports: [RemoteWalletHolds],
    };
  }
}
