// The accounts service's storage: its event store (the source of truth and the relay's outbox)
// and its read-model tables, both in one PostgreSQL schema so they commit together.
import { PostgresEventStore, schemaNames } from '@billing/event-store';
import type { OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { migrateReadModels } from './read-model.schema.js';

export class AccountsDatabase implements OnApplicationShutdown {
  private constructor(
    readonly store: PostgresEventStore,
    readonly pool: pg.Pool,
    /** the schema name, validated and quoted: safe to interpolate into SQL. */
    readonly schema: string,
  ) {}

  static async open(pool: pg.Pool, schema: string): Promise<AccountsDatabase> {
    const names = schemaNames(schema); // validates the name before it is ever interpolated
    const store = await PostgresEventStore.open({ pool, schema: names.schema });
    await migrateReadModels(pool, names.schema);
    return new AccountsDatabase(store, pool, `"${names.schema}"`);
  }

  /** `"accounts".customers` */
  table(name: string): string {
    return `${this.schema}.${name}`;
  }

  /** After the relay stopped (onModuleDestroy runs before this): stops the store's listener. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
