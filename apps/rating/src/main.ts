// Distributed mode: rating in a process of its own (rate sheets, authorization, CDR intake, call
// history). Consumes accounts.events.v1, publishes rating.events.v1; places call holds on the
// wallet process over HTTP (WALLET_URL), one of the two synchronous calls between services.
// A customer or agent it has not consumed yet is asked of the accounts process (ACCOUNTS_URL).
import { INTERNAL_SERVICE_KEY_ENV, RemoteAccountsHistory, RemoteAccountsModule, runServiceProcess, SERVICE_URL_ENV } from '@billing/gateway';
import { maxCallSecondsFromEnv, RatingModule, RemoteWalletHolds, RemoteWalletModule } from '@billing/rating-service';

await runServiceProcess({
  name: 'rating',
  requiredEnv: [INTERNAL_SERVICE_KEY_ENV, SERVICE_URL_ENV.wallet, SERVICE_URL_ENV.accounts],
  modules: ({ pool, bus }) => [
    RemoteWalletModule.forRoot({ baseUrl: process.env[SERVICE_URL_ENV.wallet]!, apiKey: process.env.INTERNAL_SERVICE_KEY! }),
    RemoteAccountsModule.forRoot({ baseUrl: process.env[SERVICE_URL_ENV.accounts]!, apiKey: process.env.INTERNAL_SERVICE_KEY! }),
    RatingModule.forRoot({ pool, bus, wallet: RemoteWalletHolds, maxCallSeconds: maxCallSecondsFromEnv(), accountsHistory: RemoteAccountsHistory }),
  ],
});
