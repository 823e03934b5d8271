// Distributed mode: the accounts service in a process of its own (agents, profiles, customers,
// SIP users, portal settings, the softswitch directory); publishes accounts.events.v1. Asks the
// wallet process (WALLET_URL) whether an agent can fund a new customer's initial balance.
import { runServiceProcess, SERVICE_URL_ENV } from '@billing/gateway';
import { AccountsModule, RemoteAgentFunds, RemoteAgentFundsModule } from '@billing/accounts-service';

await runServiceProcess({
  name: 'accounts',
  requiredEnv: [SERVICE_URL_ENV.wallet],
  modules: ({ config, pool, bus }) => [
    RemoteAgentFundsModule.forRoot({ baseUrl: process.env[SERVICE_URL_ENV.wallet]!, apiKey: process.env.SWITCH_API_KEY! }),
    AccountsModule.forRoot({ pool, bus, sipRealm: config.sipRealm, agentFunds: RemoteAgentFunds }),
  ],
});
