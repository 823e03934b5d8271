// ITC registers and removes a customer's trunk addresses: decided on the customer's stream (its
// own overlaps), appended with the trunk_addresses row whose projection refuses another account's
// overlap in the same transaction.
import { customerDecider, trunkAddressOf, type CustomerCommand, type TrunkAddress } from '@billing/accounts-domain';
import { Inject, Injectable } from '@nestjs/common';
import { ACCOUNTS_OPTIONS, type ResolvedAccountsOptions } from '../accounts.options.js';
import { commandMeta, eventMetadata, type CommandContext } from '../application/command-context.js';
import { decideAll } from '../application/decide-all.js';
import { AccountsAggregates } from '../infrastructure/aggregates.js';
import { AccountsCommitter } from '../infrastructure/committer.js';

@Injectable()
export class TrunkAddressesService {
  constructor(
    @Inject(ACCOUNTS_OPTIONS) private readonly options: ResolvedAccountsOptions,
    @Inject(AccountsAggregates) private readonly aggregates: AccountsAggregates,
    @Inject(AccountsCommitter) private readonly committer: AccountsCommitter,
  ) {}

  /** The entry as stored, and whether this call added it (false: it was there). */
  async add(context: CommandContext, customerId: string, address: string, techPrefix: string | null): Promise<{ address: TrunkAddress; added: boolean }> {
    const added = await this.decide(context, { type: 'AddTrunkAddress', customerId, address, techPrefix, meta: commandMeta(context, this.options.clock()) });
    return { address: trunkAddressOf(address, techPrefix), added };
  }

  async remove(context: CommandContext, customerId: string, address: string, techPrefix: string | null): Promise<void> {
    await this.decide(context, { type: 'RemoveTrunkAddress', customerId, address, techPrefix, meta: commandMeta(context, this.options.clock()) });
  }

  private async decide(context: CommandContext, command: CustomerCommand & { customerId: string }): Promise<boolean> {
    const [decision] = await this.committer.commit(async () => {
      const customer = await this.aggregates.customer(command.customerId);
      const events = decideAll(customerDecider, customer.state, [command]);
      return [{ streamId: customer.streamId, expectedVersion: customer.expectedVersion, events }];
    }, eventMetadata(context));
    return (decision?.events.length ?? 0) > 0;
  }
}
