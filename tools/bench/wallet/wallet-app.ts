// The wallet as the standalone runs it (WalletModule behind the gateway, in-process bus, its own
// defaults), with agents and customers opened through accounts' integration events.
import { WalletDatabase, WalletModule } from '@billing/wallet-service';
import { ServiceApp } from '../shared/service-app.js';
import { waitFor } from '../shared/wait-for.js';

export const WALLET_SCHEMA = 'wallet';

export async function startWalletApp(databaseUrl: string): Promise<ServiceApp> {
  return ServiceApp.start({
    databaseUrl,
    prefix: 'wallet',
    modules: ({ pool, bus, names }) => [WalletModule.forRoot({ pool, bus, schema: WALLET_SCHEMA, accountsService: names.accountsService })],
  });
}

async function countRows(app: ServiceApp, sql: string): Promise<number> {
  const { rows } = await app.pool.query<{ n: string }>(sql);
  return Number(rows[0]?.n ?? 0);
}

/** Registers the agents and waits until the wallet opened their accounts. */
export async function openAgents(app: ServiceApp, agentIds: readonly string[]): Promise<void> {
  for (const agentId of agentIds) await app.accounts.agentRegistered(agentId, 'sheet-bench');
  const table = app.get(WalletDatabase).table('agent_commission_rates');
  await waitFor(async () => (await countRows(app, `SELECT count(DISTINCT agent_id) AS n FROM ${table}`)) >= agentIds.length, 120_000, 'agents opened in wallet');
}

/** Opens customers (ITC-funded initial balance) and waits until the wallet opened them all. */
export async function openCustomers(app: ServiceApp, customers: ReadonlyArray<{ customerId: string; agentId: string | null }>, initialBalance: string): Promise<void> {
  let sequence = 0;
  for (const { customerId, agentId } of customers) {
    sequence += 1;
    await app.accounts.customerOpened({ customerId, agentId, initialBalance, rateSheetId: 'sheet-bench', accountNumber: String(2_000_000_000 + sequence) });
  }
  const table = app.get(WalletDatabase).table('customer_owners');
  const ids = customers.map((c) => c.customerId);
  const opened = async (): Promise<number> => {
    const { rows } = await app.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE customer_id = ANY($1::text[])`, [ids]);
    return Number(rows[0]?.n ?? 0);
  };
  await waitFor(async () => (await opened()) >= ids.length, 600_000, 'customers opened in wallet', 250);
}
