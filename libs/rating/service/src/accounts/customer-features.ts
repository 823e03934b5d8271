// The PBX features of rating's customers (accounts.CustomerOpened's `features` and
// accounts.CustomerFeaturesChanged, written by AccountsConsumer): every set with the instant it took
// effect, so an authorization is judged by the set in force when the call starts.
import { DEFAULT_CALL_FEATURES, featuresAt, type CallFeatures } from '@billing/rating-domain';
import type { CustomerFeaturesV1 } from '@billing/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { RatingDatabase } from '../infrastructure/rating-database.js';

interface FeatureEntry {
  readonly from: string;
  readonly features: CustomerFeaturesV1;
}

@Injectable()
export class CustomerFeatures {
  constructor(@Inject(RatingDatabase) private readonly db: RatingDatabase) {}

  async at(customerId: string, instant: string): Promise<CallFeatures> {
    const { rows } = await this.db.pool.query<{ history: FeatureEntry[] }>(`SELECT history FROM ${this.db.table('customer_features')} WHERE customer_id = $1`, [customerId]);
    return featuresAt<CallFeatures>(rows[0]?.history ?? [], instant, DEFAULT_CALL_FEATURES);
  }

  /** Appends a set in force from `from` (in the consumer's transaction, with its inbox entry). */
  async record(client: pg.ClientBase, customerId: string, from: string, features: CustomerFeaturesV1): Promise<void> {
    const entry = JSON.stringify([{ from, features } satisfies FeatureEntry]);
    await client.query(
      `INSERT INTO ${this.db.table('customer_features')} (customer_id, history) VALUES ($1, $2::jsonb)
       ON CONFLICT (customer_id) DO UPDATE SET history = ${this.db.table('customer_features')}.history || EXCLUDED.history`,
      [customerId, entry],
    );
  }
}
