// Distributed mode: the wallet (the ledger) in a process of its own, with card payments beside
// it (they issue wallet commands in-process). Consumes accounts.events.v1 and rating.events.v1,
// publishes wallet.events.v1, and serves rating's hold API (/api/v1/internal/wallet/holds).
import { runServiceProcess } from '@billing/gateway';
import { PaymentsModule } from '@billing/payments-service';
import { WalletModule } from '@billing/wallet-service';

await runServiceProcess({
  name: 'wallet',
  modules: ({ config, pool, bus }) => [WalletModule.forRoot({ pool, bus }), PaymentsModule.forRoot({ pool, config })],
});
