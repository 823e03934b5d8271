// Accounts' openings API as the wallet and rating processes call it (distributed mode): one
// bounded call (callServiceJson, switch API key) per miss. A failure throws; the caller then
// answers as if the customer were unknown (a 404 that is never stored under an Idempotency-Key).
import { ACCOUNTS_OPENINGS_API_PATH, AccountsOpeningResponseV1, type AccountsOpeningQueryV1, type AccountsOpeningsPort, type IntegrationEvent } from '@billing/contracts';
import { callServiceJson } from '@billing/gateway';
import { Global, Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';

export interface RemoteAccountsOpeningsOptions {
  /** the accounts process, e.g. `http://127.0.0.1:3101` (ACCOUNTS_URL). */
  accountsUrl: string;
  /** the switch API key (the services' internal APIs take the switch role). */
  apiKey: string;
  /** per request (default 2 s). */
  timeoutMs?: number;
}

const OPTIONS = Symbol('REMOTE_ACCOUNTS_OPENINGS_OPTIONS');

@Injectable()
export class RemoteAccountsOpenings implements AccountsOpeningsPort {
  constructor(@Inject(OPTIONS) private readonly options: RemoteAccountsOpeningsOptions) {}

  async opening(query: AccountsOpeningQueryV1): Promise<IntegrationEvent | null> {
    const [name, value] = Object.entries(query)[0]!;
    const answer = await callServiceJson({
      baseUrl: this.options.accountsUrl,
      path: `${ACCOUNTS_OPENINGS_API_PATH}?${new URLSearchParams({ [name]: value }).toString()}`,
      apiKey: this.options.apiKey,
      timeoutMs: this.options.timeoutMs ?? 2_000,
      schema: AccountsOpeningResponseV1,
    });
    return answer.opening;
  }
}

/** Provides RemoteAccountsOpenings app-wide: `WalletModule.forRoot({ accountsOpenings: RemoteAccountsOpenings, ... })`. */
@Global()
@Module({})
export class RemoteAccountsOpeningsModule {
  static forRoot(options: RemoteAccountsOpeningsOptions): DynamicModule {
    return { module: RemoteAccountsOpeningsModule, providers: [{ provide: OPTIONS, useValue: options }, RemoteAccountsOpenings], exports: [RemoteAccountsOpenings] };
  }
}
