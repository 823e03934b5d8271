// How a call is priced, resolved the same way for authorizations, CDRs and re-rating: the owner
// (by account and/or SIP username, which must agree: callOwner), its status and sheet at the call's start, the version of that
// sheet in force then, the row for the number (resolvePricing holds the order of the reasons).
import { callOwner, resolvePricing, type CallPricing, type PricingCustomer } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerDirectory, sheetAt, statusAt, type CustomerCandidates, type DirectoryCustomer, type OwnerKey } from '../accounts/directory.js';
import { Tariffs, type ResolvedTariff } from '../sheets/tariffs.js';

export interface PricedCall {
  readonly pricing: CallPricing;
  readonly customer: DirectoryCustomer | null;
  readonly tariff: ResolvedTariff | null;
}

export interface PricingRequest extends OwnerKey {
  readonly destination: string;
  /** the call's start (ISO instant): status, sheet, version and markup in force then. */
  readonly startedAt: string;
}

@Injectable()
export class CallPricer {
  constructor(
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(Tariffs) private readonly tariffs: Tariffs,
  ) {}

  async price(request: PricingRequest): Promise<PricedCall> {
    return (await this.priceMany([request]))[0]!;
  }

  /** Many calls, one directory query. */
  async priceMany(requests: readonly PricingRequest[]): Promise<PricedCall[]> {
    const candidates: CustomerCandidates = await this.directory.candidates(requests);
    const priced: PricedCall[] = [];
    for (const request of requests) {
      const owner = callOwner(request, byAccount(request, candidates), bySipUsername(request, candidates));
      if (typeof owner === 'string') {
        priced.push({ pricing: resolvePricing(owner, request.destination, null), customer: null, tariff: null });
        continue;
      }
      const sheetId = sheetAt(owner, request.startedAt);
      const tariff = sheetId === null ? null : await this.tariffs.at(sheetId, request.startedAt);
      const pricingCustomer: PricingCustomer = { customerId: owner.customerId, agentId: owner.agentId, status: statusAt(owner, request.startedAt) };
      priced.push({ pricing: resolvePricing(pricingCustomer, request.destination, tariff), customer: owner, tariff });
    }
    return priced;
  }
}

/** The customer a call's account names: an account number (the switch's accountcode) or a customer id. */
function byAccount(key: OwnerKey, candidates: CustomerCandidates): DirectoryCustomer | null {
  if (key.account === null) return null;
  return candidates.byAccountNumber.get(key.account) ?? candidates.byCustomerId.get(key.account) ?? null;
}

function bySipUsername(key: OwnerKey, candidates: CustomerCandidates): DirectoryCustomer | null {
  return key.sipUsername === null ? null : (candidates.bySipUsername.get(key.sipUsername) ?? null);
}
