// The trunk addresses of a customer account, from trunk_addresses (oldest first).
import { Inject, Injectable } from '@nestjs/common';
import { AccountsDatabase } from '../infrastructure/accounts-database.js';

export interface TrunkAddressRow {
  customerId: string;
  network: string;
  techPrefix: string | null;
  addedAt: string;
}

@Injectable()
export class TrunkAddressesQueries {
  constructor(@Inject(AccountsDatabase) private readonly db: AccountsDatabase) {}

  async list(customerId: string): Promise<TrunkAddressRow[]> {
    const { rows } = await this.db.pool.query<{ customer_id: string; network: string; tech_prefix: string; added_at: Date }>(
      `SELECT customer_id, network, tech_prefix, added_at FROM ${this.db.table('trunk_addresses')} WHERE customer_id = $1 ORDER BY added_at, network, tech_prefix`,
      [customerId],
    );
    return rows.map((r) => ({ customerId: r.customer_id, network: r.network, techPrefix: r.tech_prefix === '' ? null : r.tech_prefix, addedAt: r.added_at.toISOString() }));
  }
}
