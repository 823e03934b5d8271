// The wallet service (issue 4) as a Nest module: providers and controllers, nothing else. Global,
// so rating can inject WalletCalls (and payments WalletCommands, accounts AccountsCatchUp as its
// WalletAccountsCatchUp) without importing this module.
import { Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './application/clock.js';
import { WalletAgentFunds } from './application/agent-funds.service.js';
import { HoldSweeper } from './application/hold-sweeper.js';
import { LedgerService } from './application/ledger.service.js';
import { WalletCalls } from './application/wallet-calls.service.js';
import { WalletCommands } from './application/wallet-commands.service.js';
import { AccountsCatchUp } from './consumers/accounts-catch-up.js';
import { AccountsConsumer } from './consumers/accounts-consumer.js';
import { RatingEventsConsumer } from './consumers/rating-events.consumer.js';
import { AgentWalletController } from './http/agent-wallet.controller.js';
import { CustomerWalletController } from './http/customer-wallet.controller.js';
import { AgentFundsController } from './http/agent-funds.controller.js';
import { WalletAccountsCatchUpController } from './http/accounts-catch-up.controller.js';
import { BalanceListsController } from './http/balance-lists.controller.js';
import { WalletAuditController } from './http/wallet-audit.controller.js';
import { HoldsController } from './http/holds.controller.js';
import { WalletAdminController } from './http/wallet-admin.controller.js';
import { Directory } from './infrastructure/directory.js';
import { WalletDatabase } from './infrastructure/wallet-database.js';
import { WalletProjections } from './projections/wallet-projections.js';
import { BalanceLists } from './queries/balance-lists.js';
import { WalletQueries } from './queries/wallet-queries.js';
import { WalletLifecycle } from './wallet.lifecycle.js';
import { ACCOUNTS_HISTORY, resolveWalletOptions, WALLET_OPTIONS, type ResolvedWalletOptions, type WalletModuleOptions } from './wallet.options.js';

@Module({})
export class WalletModule {
  static forRoot(options: WalletModuleOptions): DynamicModule {
    const resolved = resolveWalletOptions(options);
    return {
      module: WalletModule,
      global: true,
      controllers: [AgentWalletController, CustomerWalletController, WalletAdminController, HoldsController, AgentFundsController, BalanceListsController, WalletAuditController, WalletAccountsCatchUpController],
      providers: [
        { provide: WALLET_OPTIONS, useValue: resolved },
        resolved.accountsHistory === null ? { provide: ACCOUNTS_HISTORY, useValue: null } : { provide: ACCOUNTS_HISTORY, useExisting: resolved.accountsHistory },
        { provide: WalletDatabase, inject: [WALLET_OPTIONS], useFactory: (resolved: ResolvedWalletOptions) => WalletDatabase.open(resolved.pool, resolved.schema) },
        { provide: Directory, inject: [WalletDatabase], useFactory: (db: WalletDatabase) => new Directory(db) },
        Clock,
        LedgerService,
        WalletAgentFunds,
        WalletCommands,
        WalletCalls,
        WalletQueries,
        BalanceLists,
        WalletProjections,
        HoldSweeper,
        AccountsConsumer,
        AccountsCatchUp,
        RatingEventsConsumer,
        WalletLifecycle,
      ],
      exports: [WalletCalls, WalletCommands, WalletQueries, WalletProjections, LedgerService, WalletAgentFunds, AccountsCatchUp],
    };
  }
}
