// Distributed mode: the accounts service in a process of its own (agents, profiles, customers,
// SIP users, portal settings, the softswitch directory); publishes accounts.events.v1.
import { runServiceProcess } from '@billing/gateway';
import { AccountsModule } from '@billing/accounts-service';

await runServiceProcess({
  name: 'accounts',
  modules: ({ config, pool, bus }) => [AccountsModule.forRoot({ pool, bus, sipRealm: config.sipRealm })],
});
