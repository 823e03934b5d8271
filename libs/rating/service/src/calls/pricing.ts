// How a call is priced, resolved the same way for authorizations, CDRs and re-rating: the owner
// (by account, else SIP username), its status and sheet at the call's start, the version of that
// sheet in force then, the row for the number (resolvePricing holds the order of the reasons).
import { resolvePricing, type CallPricing, type PricingCustomer } from '@billing/rating-domain';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerDirectory, ownerOf, sheetAt, statusAt, type CustomerCandidates, type DirectoryCustomer, type OwnerKey } from '../accounts/directory.js';
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
      const customer = ownerOf(request, candidates);
      const sheetId = customer === null ? null : sheetAt(customer, request.startedAt);
      const tariff = sheetId === null ? null : await this.tariffs.at(sheetId, request.startedAt);
      const pricingCustomer: PricingCustomer | null = customer === null ? null : { customerId: customer.customerId, agentId: customer.agentId, status: statusAt(customer, request.startedAt) };
      priced.push({ pricing: resolvePricing(pricingCustomer, request.destination, tariff), customer, tariff });
    }
    return priced;
  }
}
