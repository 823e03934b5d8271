// The wallet parses only the accounts events it uses (WALLET_ACCOUNTS_EVENTS_USED): an event of
// another type is skipped unread, so one that drifted from its schema cannot fail the consumer —
// a failure is retried and, after the last attempt, dead-lettered.
import { jest } from '@jest/globals';
import type { IntegrationEvent } from '@billing/contracts';
import type { ConsumeContext } from '@billing/messaging';
import { randomUUID } from 'node:crypto';
import type { LedgerService } from '../application/ledger.service.js';
import type { Directory } from '../infrastructure/directory.js';
import type { WalletDatabase } from '../infrastructure/wallet-database.js';
import type { ResolvedWalletOptions } from '../wallet.options.js';
import { AccountsConsumer } from './accounts-consumer.js';
import { agentRegistered } from '../__fixtures__/accounts-events.js';

function consumer() {
  const submit = jest.fn(async () => ({ kind: 'committed' as const, outcomes: [], written: undefined }));
  const ledger = { submit } as unknown as LedgerService;
  const directory = { commissionRateAt: async () => undefined } as unknown as Directory;
  return { submit, consumer: new AccountsConsumer({} as WalletDatabase, ledger, directory, {} as ResolvedWalletOptions) };
}

const event = (type: string, data: Record<string, unknown>): IntegrationEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  aggregateId: 'cust-1',
  occurredAt: new Date().toISOString(),
  data: data as IntegrationEvent['data'],
});
const context: ConsumeContext = { consumer: 'wallet', messageId: 'm-1', attempt: 1 };

describe('wallet accounts consumer', () => {
  it('skips an accounts event of a type it does not use without parsing it, even one that fails its schema', async () => {
    const { consumer: wallet, submit } = consumer();
    const drifted = event('accounts.CustomerCallerIdRequestsChanged', { customerId: 'cust-1', change: 'drifted' });
    await expect(wallet.handleEvent(drifted, context)).resolves.toBeUndefined();
    expect(submit).not.toHaveBeenCalled();
  });

  it('still parses the types it uses: a malformed one fails (retried, then dead-lettered), a valid one is submitted', async () => {
    const { consumer: wallet, submit } = consumer();
    const valid = agentRegistered('agent-1');
    await expect(wallet.handleEvent(event(valid.type, { ...valid.data, agentId: '' }), context)).rejects.toThrow();
    expect(submit).not.toHaveBeenCalled();
    await wallet.handleEvent(event(valid.type, valid.data as unknown as Record<string, unknown>), context);
    expect(submit).toHaveBeenCalledTimes(1);
  });
});
