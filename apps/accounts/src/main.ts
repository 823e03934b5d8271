// Distributed mode: the accounts service in a process of its own (agents, profiles, customers,
// SIP users, portal settings, the softswitch directory); publishes accounts.events.v1. Asks the
// wallet process (WALLET_URL) whether an agent can fund a new customer's initial balance, and the
// rating process (RATING_URL) whether a rate sheet it is to assign exists, and answers a change to
// an existing customer or agent once rating has applied it (RemoteRatingCatchUp), and a change or an
// opening once the wallet has (RemoteWalletCatchUp: a new customer's balance is readable at once).
import { INTERNAL_SERVICE_KEY_ENV, runServiceProcess, SERVICE_URL_ENV } from '@billing/gateway';
import { AccountsModule, RemoteAgentFunds, RemotePortsModule, RemoteRateSheets, RemoteRatingCatchUp, RemoteWalletCatchUp } from '@billing/accounts-service';

await runServiceProcess({
  name: 'accounts',
  requiredEnv: [INTERNAL_SERVICE_KEY_ENV, SERVICE_URL_ENV.wallet, SERVICE_URL_ENV.rating],
  modules: ({ config, pool, bus }) => [
    RemotePortsModule.forRoot({ walletUrl: process.env[SERVICE_URL_ENV.wallet]!, ratingUrl: process.env[SERVICE_URL_ENV.rating]!, apiKey: process.env.INTERNAL_SERVICE_KEY! }),
    AccountsModule.forRoot({ pool, bus, sipRealm: config.sipRealm, agentFunds: RemoteAgentFunds, rateSheets: RemoteRateSheets, catchUps: [RemoteRatingCatchUp, RemoteWalletCatchUp] }),
  ],
});
