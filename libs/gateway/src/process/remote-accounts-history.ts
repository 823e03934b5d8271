// Distributed mode: accounts' history API over HTTP (libs/contracts history-api.ts), asked by the
// wallet and rating when a customer, SIP user or agent is not in their directory yet
// (AccountsCatchUp). One client for both callers, next to the bounded call it uses: every page is
// one callServiceJson; an accounts process that cannot be reached throws ServiceUnreachableError.
import { AccountsHistoryResponseV1, readAccountsHistory, type AccountsHistoryKeyV1, type AccountsHistoryPort, type IntegrationEvent } from '@billing/contracts';
import { callServiceJson } from './service-call.js';
import { Global, Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';

export interface RemoteAccountsOptions {
  /** the accounts process, e.g. `http://127.0.0.1:3101` (ACCOUNTS_URL). */
  baseUrl: string;
  /** INTERNAL_SERVICE_KEY (the services' internal APIs take the `service` role only). */
  apiKey: string;
  /** per page (default 2 s: a request is waiting on it). */
  timeoutMs?: number;
}

const REMOTE_ACCOUNTS_OPTIONS = Symbol('REMOTE_ACCOUNTS_OPTIONS');

@Injectable()
export class RemoteAccountsHistory implements AccountsHistoryPort {
  constructor(@Inject(REMOTE_ACCOUNTS_OPTIONS) private readonly options: RemoteAccountsOptions) {}

  history(key: AccountsHistoryKeyV1): Promise<IntegrationEvent[]> {
    const { baseUrl, apiKey, timeoutMs = 2_000 } = this.options;
    return readAccountsHistory(key, (path) => callServiceJson({ baseUrl, path, apiKey, timeoutMs, schema: AccountsHistoryResponseV1 }));
  }
}

/** Provides RemoteAccountsHistory app-wide: `WalletModule.forRoot({ accountsHistory: RemoteAccountsHistory, ... })` (or RatingModule). */
@Global()
@Module({})
export class RemoteAccountsModule {
  static forRoot(options: RemoteAccountsOptions): DynamicModule {
    return { module: RemoteAccountsModule, providers: [{ provide: REMOTE_ACCOUNTS_OPTIONS, useValue: options }, RemoteAccountsHistory], exports: [RemoteAccountsHistory] };
  }
}
