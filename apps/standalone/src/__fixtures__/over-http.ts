// The distributed adapters between the services (accounts' history, accounts' catch-up calls to
// rating and the wallet), pointed at the very test app that runs them all: a standalone app then
// takes the HTTP path a service process takes towards another, deterministically. One copy for
// every *-remote spec. The app's address is known only once it listens: `overHttp.listening(url)`.
import type { AccountsCatchUpPort, AccountsHistoryKeyV1, AccountsHistoryPort, IntegrationEvent } from '@billing/contracts';
import { RemoteRatingCatchUp, RemoteWalletCatchUp } from '@billing/accounts-service';
import { RemoteAccountsHistory, TEST_INTERNAL_SERVICE_KEY } from '@billing/gateway';
import { Global, Injectable, Module } from '@nestjs/common';

/** The key the services present to each other's internal routes (the `service` role). */
export const INTERNAL_API_KEY = TEST_INTERNAL_SERVICE_KEY;

let baseUrl: string | undefined;

export const overHttp = {
  /** The app now listens at `url`: the adapters call it there. */
  listening(url: string): void {
    baseUrl = url;
  },
  url(): string {
    if (baseUrl === undefined) throw new Error('the app is not listening yet');
    return baseUrl;
  },
};

/** RemoteAccountsHistory towards this app (the wallet's or rating's `accountsHistory`). */
@Injectable()
export class AccountsHistoryOverHttp implements AccountsHistoryPort {
  history(key: AccountsHistoryKeyV1): Promise<IntegrationEvent[]> {
    return new RemoteAccountsHistory({ baseUrl: overHttp.url(), apiKey: INTERNAL_API_KEY }).history(key);
  }
}

/** Accounts' RemoteRatingCatchUp towards this app. */
@Injectable()
export class RatingCatchUpOverHttp implements AccountsCatchUpPort {
  catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    return new RemoteRatingCatchUp({ walletUrl: overHttp.url(), ratingUrl: overHttp.url(), apiKey: INTERNAL_API_KEY }).catchUp(request);
  }
}

/** Accounts' RemoteWalletCatchUp towards this app. */
@Injectable()
export class WalletCatchUpOverHttp implements AccountsCatchUpPort {
  readonly awaitsOpenings = true;

  catchUp(request: Parameters<AccountsCatchUpPort['catchUp']>[0]): Promise<boolean> {
    return new RemoteWalletCatchUp({ walletUrl: overHttp.url(), ratingUrl: overHttp.url(), apiKey: INTERNAL_API_KEY }).catchUp(request);
  }
}

/** Import it into the app to have the adapters above as providers everywhere. */
@Global()
@Module({ providers: [AccountsHistoryOverHttp, RatingCatchUpOverHttp, WalletCatchUpOverHttp], exports: [AccountsHistoryOverHttp, RatingCatchUpOverHttp, WalletCatchUpOverHttp] })
export class OverHttpModule {}
