// The rating service (issue 5) as a Nest module: providers and controllers, nothing else. The
// wallet's hold API comes from the app (`wallet`: e.g. the wallet module's WalletCalls) — the one
// synchronous call between services (docs/ARCHITECTURE.md, Shape).
import { Module, type DynamicModule } from '@nestjs/common';
import { RatingAccountsCatchUp } from './accounts/accounts-catch-up.js';
import { AccountsConsumer } from './accounts/accounts-consumer.js';
import { CustomerDirectory } from './accounts/directory.js';
import { CustomerFeatures } from './accounts/customer-features.js';
import { AuthorizationService } from './calls/authorization.service.js';
import { CallHistoryQueries } from './calls/call-history.queries.js';
import { CallCommitter } from './calls/call-committer.js';
import { CallStore } from './calls/call-store.js';
import { CdrIntake } from './calls/cdr-intake.service.js';
import { CallSettlements } from './calls/call-settlements.js';
import { CallPricer } from './calls/pricing.js';
import { ReRateService } from './calls/re-rate.service.js';
import { CallsController } from './http/calls.controller.js';
import { RateSheetsController } from './http/rate-sheets.controller.js';
import { SheetCatalogController } from './http/sheet-catalog.controller.js';
import { AccountsCatchUpController } from './http/accounts-catch-up.controller.js';
import { PriceListsController } from './http/price-lists.controller.js';
import { StreamedUploads } from './http/streamed-uploads.js';
import { SwitchController } from './http/switch.controller.js';
import { RatingClock } from './infrastructure/clock.js';
import { RatingDatabase } from './infrastructure/rating-database.js';
import { RatingLifecycle } from './rating.lifecycle.js';
import { ACCOUNTS_HISTORY, RATING_OPTIONS, resolveRatingOptions, WALLET_HOLDS, type RatingModuleOptions, type ResolvedRatingOptions } from './rating.options.js';
import { RateSheetsService } from './sheets/rate-sheets.service.js';
import { RateTables } from './sheets/rate-tables.js';
import { RatingSheetCatalog } from './sheets/sheet-catalog.js';
import { SheetAccess } from './sheets/sheet-access.js';
import { SheetRegistry } from './sheets/sheet-registry.js';
import { SheetStore } from './sheets/sheet-store.js';
import { Tariffs } from './sheets/tariffs.js';

@Module({})
export class RatingModule {
  static forRoot(options: RatingModuleOptions): DynamicModule {
    const resolved = resolveRatingOptions(options);
    return {
      module: RatingModule,
      // global: accounts (in the same process) asks RatingSheetCatalog whether a sheet exists, and
      // RatingAccountsCatchUp to apply a change before it answers the command
      global: true,
      controllers: [RateSheetsController, SwitchController, CallsController, SheetCatalogController, PriceListsController, AccountsCatchUpController],
      providers: [
        { provide: RATING_OPTIONS, useValue: resolved },
        { provide: WALLET_HOLDS, useExisting: resolved.wallet },
        resolved.accountsHistory === null ? { provide: ACCOUNTS_HISTORY, useValue: null } : { provide: ACCOUNTS_HISTORY, useExisting: resolved.accountsHistory },
        { provide: RatingDatabase, inject: [RATING_OPTIONS], useFactory: (o: ResolvedRatingOptions) => RatingDatabase.open(o.pool, o.schema) },
        StreamedUploads,
        RatingClock,
        CustomerDirectory,
        CustomerFeatures,
        AccountsConsumer,
        RatingAccountsCatchUp,
        SheetRegistry,
        SheetAccess,
        RatingSheetCatalog,
        RateTables,
        Tariffs,
        SheetStore,
        RateSheetsService,
        CallStore,
        CallCommitter,
        CallPricer,
        CdrIntake,
        CallSettlements,
        AuthorizationService,
        ReRateService,
        CallHistoryQueries,
        RatingLifecycle,
      ],
      exports: [RatingDatabase, CdrIntake, AuthorizationService, RateSheetsService, RateTables, Tariffs, RatingSheetCatalog, RatingAccountsCatchUp],
    };
  }
}
