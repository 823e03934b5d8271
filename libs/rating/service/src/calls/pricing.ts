// How a call is priced, resolved the same way for authorizations, CDRs and re-rating: the owner
// (by account and/or SIP username, which must agree: callOwner; when it names neither, by the
// trunk address it came from: resolveSourceAddress, whose tech prefix is stripped), its status and sheet at the call's start, the version of that
// sheet in force then, the row for the number (resolvePricing holds the order of the reasons).
import { callOwner, resolvePricing, resolveSourceAddress, type CallPricing, type OwnerRefusal, type PricingCustomer, type SourceAddressRefusal, type TrunkEntry } from '@billing/rating-domain';
import { AgentPricer } from './agent-pricing.js';
import { Inject, Injectable } from '@nestjs/common';
import { CustomerDirectory, sheetAt, statusAt, type CustomerCandidates, type DirectoryCustomer, type OwnerKey } from '../accounts/directory.js';
import { Tariffs, type ResolvedTariff } from '../sheets/tariffs.js';

export interface PricedCall {
  readonly pricing: CallPricing;
  readonly customer: DirectoryCustomer | null;
  readonly tariff: ResolvedTariff | null;
  /** the number to rate: as dialled, less the tech prefix of the trunk address that resolved the call. */
  readonly destination: string;
  /** the trunk address that resolved the call (it named no account nor user), else null. */
  readonly trunk: TrunkEntry | null;
}

export interface PricingRequest extends OwnerKey {
  readonly destination: string;
  /** the call's start (ISO instant): status, sheet, version and markup in force then. */
  readonly startedAt: string;
  /** the address the call came from; used only when it names neither account nor SIP user. */
  readonly sourceIp?: string | null;
}

@Injectable()
export class CallPricer {
  constructor(
    @Inject(CustomerDirectory) private readonly directory: CustomerDirectory,
    @Inject(Tariffs) private readonly tariffs: Tariffs,
  ) {
    this.agentPricer = new AgentPricer(directory, tariffs);
  }

  /** the agent's cost of each priced call of an agent's customer (a helper of this class, not a provider). */
  private readonly agentPricer: AgentPricer;

  async price(request: PricingRequest): Promise<PricedCall> {
    return (await this.priceMany([request]))[0]!;
  }

  /** Many calls, one directory query. */
  async priceMany(requests: readonly PricingRequest[]): Promise<PricedCall[]> {
    const byTrunk = requests.filter(namesOnlyItsSource);
    const trunks = await this.directory.trunkEntries(byTrunk.map((request) => request.sourceIp!));
    // a trunk names its customer by id: looked up with the others
    const trunkOwners = new Map(byTrunk.map((request) => [request, resolveSourceAddress(trunks.get(request.sourceIp!) ?? [], request.destination)]));
    const keys = [...requests, ...[...trunkOwners.values()].flatMap((match) => (typeof match === 'string' ? [] : [{ account: match.entry.customerId, sipUsername: null }]))];
    const candidates: CustomerCandidates = await this.directory.candidates(keys);
    const agentPrices = this.agentPricer.batch();
    const priced: PricedCall[] = [];
    for (const request of requests) {
      const match = trunkOwners.get(request);
      let owner: DirectoryCustomer | OwnerRefusal | SourceAddressRefusal;
      let destination = request.destination;
      let trunk: TrunkEntry | null = null;
      if (match === undefined) owner = callOwner(request, byAccount(request, candidates), bySipUsername(request, candidates));
      else if (typeof match === 'string') owner = match;
      else {
        owner = candidates.byCustomerId.get(match.entry.customerId) ?? 'unknown_account';
        ({ destination } = match);
        trunk = match.entry;
      }
      if (typeof owner === 'string') {
        priced.push({ pricing: resolvePricing(owner, destination, null), customer: null, tariff: null, destination, trunk });
        continue;
      }
      const sheetId = sheetAt(owner, request.startedAt);
      const tariff = sheetId === null ? null : await this.tariffs.at(sheetId, request.startedAt);
      const pricingCustomer: PricingCustomer = { customerId: owner.customerId, agentId: owner.agentId, status: statusAt(owner, request.startedAt) };
      const pricing = resolvePricing(pricingCustomer, destination, tariff);
      const withAgentPrice: CallPricing =
        pricing.kind === 'priced' && pricing.agentId !== null ? { ...pricing, agentPrice: await agentPrices.price(pricing.agentId, destination, request.startedAt) } : pricing;
      priced.push({ pricing: withAgentPrice, customer: owner, tariff, destination, trunk });
    }
    return priced;
  }
}

/** A call resolved by its trunk: it names neither an account nor a SIP user, only where it came from. */
function namesOnlyItsSource(request: PricingRequest): boolean {
  return request.account === null && request.sipUsername === null && (request.sourceIp ?? null) !== null;
}

/** The customer a call's account names: an account number (the switch's accountcode) or a customer id. */
function byAccount(key: OwnerKey, candidates: CustomerCandidates): DirectoryCustomer | null {
  if (key.account === null) return null;
  return candidates.byAccountNumber.get(key.account) ?? candidates.byCustomerId.get(key.account) ?? null;
}

function bySipUsername(key: OwnerKey, candidates: CustomerCandidates): DirectoryCustomer | null {
  return key.sipUsername === null ? null : (candidates.bySipUsername.get(key.sipUsername) ?? null);
}
