// Opening one customer (ITC or its agent): account number, SIP credentials and a portal login,
// the terms copied from a profile. The credentials are answered once and kept only as digests.
import { customerDecider, customerStreamId, rejections, type CustomerTerms, type InitialBalanceSource, type OpenCustomer } from '@billing/accounts-domain';
import { formatMoney } from '@billing/money';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RejectedCommand } from '@billing/decider';
import { ACCOUNTS_OPTIONS, AGENT_FUNDS, type AgentFunds, type InitialBalanceReservation, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import type { AgentCreditGrant } from '../infrastructure/agent-credit-total.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { agentCreditGrant } from './agent-credit-grant.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import type { CustomerRow } from '../queries/rows.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import { CustomerTermsResolver } from './customer-terms.js';
import { CredentialsGenerator, type NewCustomerCredentials } from './generated-credentials.js';
import { PortalLogins } from './portal-logins.js';
import { assertSameRequest, idFromKey, type RequestIdempotency } from './request-idempotency.js';
import { addFurtherSipUsers, generateFurtherSipUsers, type FurtherSipUser } from './further-sip-users.js';
import { decideAll } from './decide-all.js';
import { chosenUsername } from './usernames.js';

const logger = new Logger('CustomersService');

/**
 * The wallet's own refusal of the reservation, with its code and status (an agent in debt, a closed
 * or unknown agent account are not a lack of money); `available` says what the agent may move.
 */
function reservationRefused(refusal: Extract<InitialBalanceReservation, { reserved: false }>, initialMicros: bigint): RejectedCommand {
  const available = formatMoney(refusal.availableMicros);
  if (refusal.code === 'insufficient_funds') return rejections.initialBalanceNotCovered(formatMoney(initialMicros), available);
  return new RejectedCommand(`the agent's initial balance of ${formatMoney(initialMicros)} cannot be reserved: ${refusal.reason}`, refusal.code, refusal.status, { available });
}

export interface OpenCustomerInput {
  profileId: string;
  /** null = ITC-direct. */
  agentId: string | null;
  initialBalanceSource: InitialBalanceSource;
  contactEmail: string | null;
  /** a chosen portal login; default: the account number. */
  portalUsername: string | undefined;
  idempotency: RequestIdempotency;
}

export interface OpenedCustomer {
  customer: CustomerRow;
  sipRealm: string;
  /** null when this answers a repeated Idempotency-Key: credentials are shown only once. */
  credentials: NewCustomerCredentials | null;
  /** the account's further SIP users (its profile's sipUsersPerAccount − 1), with passwords; [] on a replay. */
  furtherSipUsers: FurtherSipUser[];
}

@Injectable()
export class CustomersService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
    @Inject(CustomerTermsResolver) private readonly terms: CustomerTermsResolver,
    @Inject(CredentialsGenerator) private readonly generator: CredentialsGenerator,
    @Inject(PortalLogins) private readonly logins: PortalLogins,
    @Inject(AGENT_FUNDS) private readonly funds: AgentFunds | null,
  ) {}

  async open(context: CommandContext, input: OpenCustomerInput): Promise<OpenedCustomer> {
    const { key, requestHash } = input.idempotency;
    const customerId = key === undefined ? randomUUID() : idFromKey(context.principal, key, 'customer');
    const portalUsername = input.portalUsername === undefined ? undefined : chosenUsername(input.portalUsername);
    if (portalUsername !== undefined) await this.logins.assertAvailable(portalUsername, 'customer', customerId);
    let credentials: NewCustomerCredentials | undefined;
    let further: FurtherSipUser[] | undefined;
    let existed = false;
    let reserved = false;
    let creditGrant: AgentCreditGrant | null = null;
    try {
      await this.committer.commit(async () => {
        const customer = await this.aggregates.customer(customerId);
        existed = customer.state.status !== 'none';
        if (existed) return [];
        const terms = await this.terms.resolve(context.principal, input.profileId, input.agentId);
        creditGrant = await agentCreditGrant(this.aggregates, context, input.agentId, customerId, terms.creditLimitMicros);
        reserved = (await this.reserveInitialBalance(customerId, input, terms)) || reserved;
        // generated once: a re-run after a conflict keeps the account number it already took
        credentials ??= (await this.generator.generate(1, portalUsername))[0]!;
        further ??= generateFurtherSipUsers(this.generator, credentials.accountNumber, (await this.aggregates.profile(input.profileId)).state);
        const command: OpenCustomer = {
          type: 'OpenCustomer',
          customerId,
          agentId: input.agentId,
          profileId: input.profileId,
          batchId: null,
          ...terms,
          accountNumber: credentials.accountNumber,
          sipUsername: credentials.sipUsername,
          sipHa1: credentials.sipHa1,
          portalUsername: credentials.portalUsername,
          contactEmail: input.contactEmail,
          initialBalanceSource: input.initialBalanceSource,
          meta: commandMeta(context, this.options.clock()),
        };
        // the further users join the opening's append: an account never exists without them
        const events = decideAll(customerDecider, customer.state, [command, ...addFurtherSipUsers(customerId, further, command.meta)]);
        return [{ streamId: customer.streamId, expectedVersion: customer.expectedVersion, events }];
      }, eventMetadata(context, { requestHash }), () => creditGrant);
    } catch (error) {
      if (reserved && input.agentId !== null) await this.releaseUnlessOpened(customerId, input.agentId);
      throw error;
    }

    if (existed || credentials === undefined) {
      const opening = await this.aggregates.openingMetadata(customerStreamId(customerId));
      assertSameRequest(opening?.requestHash, input.idempotency);
      return { customer: await this.row(customerId), sipRealm: this.generator.sipRealm, credentials: null, furtherSipUsers: [] };
    }
    // the portal password is generated (even with a chosen username): the cheap hash suffices
    await this.logins.createGenerated([{ username: credentials.portalUsername, password: credentials.portalPassword, role: 'customer', subjectId: customerId }]);
    return { customer: await this.row(customerId), sipRealm: this.generator.sipRealm, credentials, furtherSipUsers: further ?? [] };
  }

  /**
   * An agent-funded initial balance is moved by the wallet once it consumes CustomerOpened. So it is
   * reserved on the agent first, keyed by the customer id (a re-run after a conflict reserves
   * nothing twice): of openings racing for an agent's last money only those the wallet reserved for
   * are opened, the others answer 409 with nothing opened, and every 201 is funded.
   */
  private async reserveInitialBalance(customerId: string, input: OpenCustomerInput, terms: CustomerTerms): Promise<boolean> {
    if (this.funds === null || input.initialBalanceSource !== 'agent' || input.agentId === null || terms.initialBalanceMicros <= 0n) return false;
    const reservation = await this.funds.reserveInitialBalance({ agentId: input.agentId, customerId, amountMicros: terms.initialBalanceMicros });
    if (!reservation.reserved) throw reservationRefused(reservation, terms.initialBalanceMicros);
    return true;
  }

  /**
   * The opening failed after the reservation: give the money back, unless the customer was opened
   * after all (a concurrent request with the same key committed it: its funding needs the
   * reservation). A release that fails is logged; the wallet expires the reservation anyway.
   */
  private async releaseUnlessOpened(customerId: string, agentId: string): Promise<void> {
    try {
      if ((await this.aggregates.customer(customerId)).state.status !== 'none') return;
      await this.funds?.releaseInitialBalance({ agentId, customerId });
    } catch (error) {
      logger.warn(`reservation of customer ${customerId} not released (the wallet expires it): ${String(error)}`);
    }
  }

  private async row(customerId: string): Promise<CustomerRow> {
    const row = await this.customers.get(customerId);
    if (row === undefined) throw new Error(`customer ${customerId} committed but not in the read model`);
    return row;
  }
}
