// What an agent could move from its main balance right now, read from the ledger itself (the
// account's snapshot and tail), not from the projection: accounts asks it just before it opens a
// customer the agent is to fund, maybe a moment after a deposit the projection has not shown yet.
// It bypasses the ledger's cache on purpose: a read outside the writer must never put a state in
// the cache that a concurrent commit has already superseded.
import { agentMainAccount, availableMicros, isOpen } from '@billing/wallet-domain';
import { Inject, Injectable } from '@nestjs/common';
import { LedgerService } from './ledger.service.js';

@Injectable()
export class WalletAgentFunds {
  constructor(@Inject(LedgerService) private readonly ledger: LedgerService) {}

  /** 0 for an agent the wallet does not know (yet) or has closed: it cannot fund anything. */
  async availableMicros(agentId: string): Promise<bigint> {
    const { account } = await this.ledger.accounts.loadFromStore(agentMainAccount(agentId));
    return isOpen(account.state) ? availableMicros(account.state) : 0n;
  }
}
