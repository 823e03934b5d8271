// The wallet's hold API for a rating process elsewhere (distributed mode): the HTTP face of
// WalletCalls.placeHold / releaseHold / chargeRatedCalls / releaseHolds, with the contract of libs/contracts (holds-api.ts). The
// caller is another process of the product, so it takes the internal service key (role `service`), never the switch's.
import {
  ChargeCallsRequestV1,
  PlaceHoldRequestV1,
  ReleaseHoldRequestV1,
  ReleaseHoldsRequestV1,
  ChargeCallsResponseV1,
  PlaceHoldResponseV1,
  ReleaseHoldResponseV1,
  ReleaseHoldsResponseV1,
} from '@billing/contracts';
import { Roles, ValidBody } from '@billing/gateway';
import { formatMoney, parseMoney } from '@billing/money';
import { applyDecorators, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, type ApiResponseMetadata } from '@nestjs/swagger';
import { WalletCalls, type ChargeResult } from '../application/wallet-calls.service.js';

/** One internal hold route: a POST answered 200 with `response`, for the service key only. */
function HoldRoute(path: string, summary: string, response: ApiResponseMetadata['standardSchema']): MethodDecorator {
  return applyDecorators(Post(path), ApiOperation({ summary }), HttpCode(200), Roles('service'), ApiResponse({ status: 200, standardSchema: response }));
}

@ApiTags('internal')
@Controller('internal/wallet/holds')
export class HoldsController {
  constructor(private readonly calls: WalletCalls) {}

  /** Grants min(requested, available); a repeat for the same call answers its open hold. `requested` is at most MAX_REQUEST_AMOUNT (else 400). */
  @HoldRoute('', 'Rating → wallet (distributed mode): hold money on a customer for a call being authorized', PlaceHoldResponseV1)
  async place(@ValidBody(PlaceHoldRequestV1) body: PlaceHoldRequestV1): Promise<PlaceHoldResponseV1> {
    const result = await this.calls.placeHold({
      customerId: body.customerId,
      callId: body.callId,
      requestedMicros: parseMoney(body.requested),
      ...(body.expiresAt === undefined ? {} : { expiresAt: body.expiresAt }),
    });
    if (!result.granted) return { granted: false, grantedAmount: '0', code: result.code, reason: result.reason };
    return { granted: true, grantedAmount: formatMoney(result.grantedMicros), expiresAt: result.expiresAt };
  }

  @HoldRoute('release', "Rating → wallet: release a call's hold (a refused or failed call)", ReleaseHoldResponseV1)
  async release(@ValidBody(ReleaseHoldRequestV1) body: ReleaseHoldRequestV1): Promise<ReleaseHoldResponseV1> {
    return releasedView(await this.calls.releaseHold(body));
  }

  /** The charges of CDRs just recorded: answered once the wallet's reads show them (see WalletCalls.chargeRatedCalls). */
  @HoldRoute('charges', 'Rating → wallet: charge the calls of CDRs just recorded, settling their holds (once per call)', ChargeCallsResponseV1)
  async charge(@ValidBody(ChargeCallsRequestV1) body: ChargeCallsRequestV1): Promise<ChargeCallsResponseV1> {
    const charges = body.charges.map((charge) => ({ customerId: charge.customerId, callId: charge.callId, costMicros: parseMoney(charge.cost) }));
    return { results: (await this.calls.chargeRatedCalls(charges, within(body))).map(chargedView) };
  }

  /** The holds of a CDR post's unanswered and unrated calls, in one request: answered once the wallet's reads show them (see WalletCalls.releaseHolds). */
  @HoldRoute('releases', 'Rating → wallet: release the holds of the unanswered and unrated calls of CDRs just recorded', ReleaseHoldsResponseV1)
  async releaseMany(@ValidBody(ReleaseHoldsRequestV1) body: ReleaseHoldsRequestV1): Promise<ReleaseHoldsResponseV1> {
    return { results: (await this.calls.releaseHolds(body.releases, within(body))).map(releasedView) };
  }
}

/** The caller's remaining settlement budget, when it sent one (the wallet's wait is never longer). */
function within(body: { withinMs?: number | undefined }): { withinMs?: number } {
  return body.withinMs === undefined ? {} : { withinMs: body.withinMs };
}

function chargedView(result: ChargeResult): ChargeCallsResponseV1['results'][number] {
  return result.charged ? { charged: true } : { charged: false, reason: result.reason, ...('code' in result ? { code: result.code } : {}) };
}

function releasedView({ releasedMicros }: { releasedMicros: bigint }): ReleaseHoldResponseV1 {
  return { releasedAmount: formatMoney(releasedMicros) };
}
