// The accounts service as a Nest module: wiring only. The gateway module (global) supplies auth,
// validation, problem+json, CredentialsService and HealthService.
import type { AccountsCatchUpPort } from '@billing/contracts';
import { Module, type DynamicModule } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, AGENT_FUNDS, RATE_SHEETS, resolveAccountsOptions, type AccountsModuleOptions, type ResolvedAccountsOptions } from './accounts.options.js';
import { AgentsService } from './application/agents.service.js';
import { BatchesService } from './application/batches.service.js';
import { BillingPolicy } from './application/billing-policy.js';
import { CustomerChangesService } from './application/customer-changes.service.js';
import { CustomerTermsResolver } from './application/customer-terms.js';
import { CustomersService } from './application/customers.service.js';
import { RateSheetCheck } from './application/rate-sheet-check.js';
import { CredentialsGenerator } from './application/generated-credentials.js';
import { PortalLogins } from './application/portal-logins.js';
import { ProfilesService } from './application/profiles.service.js';
import { AgentsController } from './http/agents.controller.js';
import { CustomerPortalController } from './http/customer-portal.controller.js';
import { CustomerProfilesController } from './http/customer-profiles.controller.js';
import { CustomersController } from './http/customers.controller.js';
import { SwitchDirectoryController } from './http/switch-directory.controller.js';
import { FeaturesController } from './features/features.controller.js';
import { SipUsersController } from './http/sip-users.controller.js';
import { ProfileSipUsersController } from './http/profile-sip-users.controller.js';
import { SipUsersService } from './application/sip-users.service.js';
import { SipUsersQueries } from './queries/sip-users.queries.js';
import { TrunkAddressesController } from './trunks/trunk-addresses.controller.js';
import { TrunkAddressesQueries } from './trunks/trunk-addresses.queries.js';
import { TrunkAddressesService } from './trunks/trunk-addresses.service.js';
import { AccountsDatabase } from './infrastructure/accounts-database.js';
import { AccountsRelay } from './infrastructure/accounts-relay.js';
import { AccountsAggregates } from './infrastructure/aggregates.js';
import { AccountsCommitter } from './infrastructure/committer.js';
import { ACCOUNTS_CATCH_UPS, ConsumersAtOnce } from './infrastructure/consumers-at-once.js';
import { AccountsHistory } from './history/accounts-history.js';
import { HistoryController } from './history/history.controller.js';
import { AgentsQueries } from './queries/agents.queries.js';
import { CustomersQueries } from './queries/customers.queries.js';
import { ProfilesQueries } from './queries/profiles.queries.js';

@Module({})
export class AccountsModule {
  static forRoot(options: AccountsModuleOptions): DynamicModule {
    const resolved = resolveAccountsOptions(options);
    return {
      module: AccountsModule,
      // global: the wallet and rating in the same process ask AccountsHistory about customers they have not consumed yet
      global: true,
      controllers: [AgentsController, CustomerProfilesController, CustomersController, CustomerPortalController, SwitchDirectoryController, HistoryController, SipUsersController, ProfileSipUsersController, FeaturesController, TrunkAddressesController],
      providers: [
        { provide: ACCOUNTS_OPTIONS, useValue: resolved },
        resolved.agentFunds === null ? { provide: AGENT_FUNDS, useValue: null } : { provide: AGENT_FUNDS, useExisting: resolved.agentFunds },
        resolved.rateSheets === null ? { provide: RATE_SHEETS, useValue: null } : { provide: RATE_SHEETS, useExisting: resolved.rateSheets },
        RateSheetCheck,
        BillingPolicy,
        {
          provide: AccountsDatabase,
          inject: [ACCOUNTS_OPTIONS],
          useFactory: (o: ResolvedAccountsOptions) => AccountsDatabase.open(o.pool, o.schema),
        },
        AccountsAggregates,
        { provide: ACCOUNTS_CATCH_UPS, inject: [...resolved.catchUps], useFactory: (...consumers: AccountsCatchUpPort[]) => consumers },
        ConsumersAtOnce,
        AccountsCommitter,
        AccountsRelay,
        AgentsQueries,
        ProfilesQueries,
        CustomersQueries,
        SipUsersQueries,
        TrunkAddressesQueries,
        PortalLogins,
        CredentialsGenerator,
        CustomerTermsResolver,
        AgentsService,
        ProfilesService,
        CustomersService,
        BatchesService,
        CustomerChangesService,
        SipUsersService,
        TrunkAddressesService,
        AccountsHistory,
      ],
      exports: [AccountsDatabase, AccountsRelay, AccountsHistory],
    };
  }
}
