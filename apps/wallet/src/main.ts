// Distributed mode: the wallet (the ledger) in a process of its own, with card payments beside
// it (they issue wallet commands in-process). Consumes accounts.events.v1 and rating.events.v1,
// publishes wallet.events.v1, and serves rating's hold API (/api/v1/internal/wallet/holds).
// A customer or agent it has not consumed yet is asked of the accounts process (ACCOUNTS_URL).
import { INTERNAL_SERVICE_KEY_ENV, RemoteAccountsHistory, RemoteAccountsModule, runServiceProcess, SERVICE_URL_ENV } from '@billing/gateway';
import { PaymentsModule } from '@billing/payments-service';
import { WalletModule } from '@billing/wallet-service';

await runServiceProcess({
  name: 'wallet',
  requiredEnv: [INTERNAL_SERVICE_KEY_ENV, SERVICE_URL_ENV.accounts],
  modules: ({ config, pool, bus }) => [
    RemoteAccountsModule.forRoot({ baseUrl: process.env[SERVICE_URL_ENV.accounts]!, apiKey: process.env.INTERNAL_SERVICE_KEY! }),
    WalletModule.forRoot({ pool, bus, accountsHistory: RemoteAccountsHistory }),
    PaymentsModule.forRoot({ pool, config }),
  ],
});
