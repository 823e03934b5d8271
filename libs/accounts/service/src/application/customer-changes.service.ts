// Every change to an opened customer: status (suspend / reactivate / close), the portal settings
// (caller IDs, FollowMe, threshold, e-mail, language), billing (rate sheet, credit limit) and
// credential resets. One command per request, decided on the customer's stream.
import { customerDecider, rejections, type CustomerCommand, type CustomerState } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';
import { CustomersQueries } from '../queries/customers.queries.js';
import type { CustomerRow } from '../queries/rows.js';
import { commandMeta, eventMetadata, type CommandContext } from './command-context.js';
import type { AgentCreditGrant } from '../infrastructure/agent-credit-total.js';
import { agentCreditGrant } from './agent-credit-grant.js';
import { BillingPolicy } from './billing-policy.js';
import { decideAll } from './decide-all.js';
import { CredentialsGenerator, generatePortalPassword } from './generated-credentials.js';
import { PortalLogins } from './portal-logins.js';
import { RateSheetCheck } from './rate-sheet-check.js';

/** A customer command without its id, meta and the agent's policy: the service adds them. */
export type CustomerChange = CustomerCommand extends infer C ? (C extends CustomerCommand ? Omit<C, 'customerId' | 'meta' | 'customersMayAddCallerIds'> : never) : never;

@Injectable()
export class CustomerChangesService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
    @Inject(CustomersQueries) private readonly customers: CustomersQueries,
    @Inject(CredentialsGenerator) private readonly generator: CredentialsGenerator,
    @Inject(PortalLogins) private readonly logins: PortalLogins,
    @Inject(RateSheetCheck) private readonly sheets: RateSheetCheck,
    @Inject(BillingPolicy) private readonly policy: BillingPolicy,
  ) {}

  /** Several changes are decided together and appended atomically (a PATCH of several fields). */
  async apply(context: CommandContext, customerId: string, changes: readonly CustomerChange[]): Promise<CustomerRow> {
    for (const change of changes) if (change.type === 'ChangeCustomerRateSheet') await this.sheets.assertExists(change.rateSheetId, context.principal);
    await this.checkBillingPolicy(context, customerId, changes);
    const meta = commandMeta(context, this.options.clock());
    const raisedCreditMicros = changes.find((change) => change.type === 'ChangeCustomerCreditLimit')?.creditLimitMicros;
    let creditGrant: AgentCreditGrant | null = null;
    await this.committer.commit(async () => {
      const customer = await this.aggregates.customer(customerId);
      creditGrant = await this.creditRaise(context, customer.state, raisedCreditMicros);
      const customersMayAddCallerIds = changes.some((change) => change.type === 'AddCallerId') ? await this.callerIdSelfService(customer.state) : true;
      const commands = changes.map((change) => ({ ...change, customerId, meta, ...(change.type === 'AddCallerId' ? { customersMayAddCallerIds } : {}) }) as CustomerCommand);
      return [{ streamId: customer.streamId, expectedVersion: customer.expectedVersion, events: decideAll(customerDecider, customer.state, commands) }];
    }, eventMetadata(context), () => creditGrant);
    const row = await this.row(customerId);
    // a closed customer's portal login stops working (and its issued tokens with it)
    if (row.status === 'closed') await this.logins.disable(row.portalUsername);
    return row;
  }

  /** A new SIP password: its HA1 replaces the old one; the password is answered once. */
  async resetSipPassword(context: CommandContext, customer: CustomerRow): Promise<{ sipUsername: string; sipPassword: string; sipRealm: string }> {
    const { sipPassword, sipHa1 } = this.generator.newSipSecret(customer.sipUsername);
    await this.apply(context, customer.customerId, [{ type: 'ChangeSipPassword', sipHa1 }]);
    return { sipUsername: customer.sipUsername, sipPassword, sipRealm: this.generator.sipRealm };
  }

  /** A new portal password (or the login, if it was never created); answered once. */
  async resetPortalPassword(customer: CustomerRow): Promise<{ portalUsername: string; portalPassword: string }> {
    if (customer.status === 'closed') throw rejections.customerClosed();
    const portalPassword = generatePortalPassword();
    await this.logins.reset({ username: customer.portalUsername, password: portalPassword, role: 'customer', subjectId: customer.customerId });
    return { portalUsername: customer.portalUsername, portalPassword };
  }

  /** A rate sheet or credit limit for an agent's customer: only what ITC lets that agent give. */
  private async checkBillingPolicy(context: CommandContext, customerId: string, changes: readonly CustomerChange[]): Promise<void> {
    const rateSheetId = changes.find((change) => change.type === 'ChangeCustomerRateSheet')?.rateSheetId;
    const creditLimitMicros = changes.find((change) => change.type === 'ChangeCustomerCreditLimit')?.creditLimitMicros;
    if (rateSheetId === undefined && creditLimitMicros === undefined) return;
    const customer = await this.customers.get(customerId);
    if (customer === undefined) throw rejections.customerNotFound();
    await this.policy.check(context.principal, customer.agentId, { rateSheetId, creditLimitMicros });
  }

  /** A raise of an agent's customer's credit counts against the agent's total; a cut never is refused. */
  private async creditRaise(context: CommandContext, customer: CustomerState, creditLimitMicros: bigint | null | undefined): Promise<AgentCreditGrant | null> {
    if (creditLimitMicros === undefined || creditLimitMicros === null || customer.status === 'none') return null;
    if (creditLimitMicros <= (customer.creditLimitMicros ?? 0n)) return null;
    return agentCreditGrant(this.aggregates, context, customer.agentId, customer.customerId, creditLimitMicros);
  }

  /** The policy of the customer's agent (ITC-direct customers may add numbers, pending ITC's approval). */
  private async callerIdSelfService(customer: CustomerState): Promise<boolean> {
    if (customer.status === 'none' || customer.agentId === null) return true;
    const agent = await this.aggregates.agent(customer.agentId);
    return agent.state.status === 'unregistered' || agent.state.customersMayAddCallerIds;
  }

  private async row(customerId: string): Promise<CustomerRow> {
    const row = await this.customers.get(customerId);
    if (row === undefined) throw rejections.customerNotFound();
    return row;
  }
}
