// The rating service's storage: its event store (the source of truth and the relay's outbox) and
// its read-model tables, both in one PostgreSQL schema so they commit together.
import { PostgresEventStore, schemaNames } from '@billing/event-store';
import type pg from 'pg';
import { migrateReadModels } from './read-model.schema.js';

export class RatingDatabase {
  private constructor(
    readonly store: PostgresEventStore,
    readonly pool: pg.Pool,
    /** the schema name, validated and quoted: safe to interpolate into SQL. */
    readonly schema: string,
  ) {}

  static async open(pool: pg.Pool, schema: string): Promise<RatingDatabase> {
    const names = schemaNames(schema); // validates the name before it is ever interpolated
    const store = await PostgresEventStore.open({ pool, schema: names.schema });
    await migrateReadModels(pool, `"${names.schema}"`);
    return new RatingDatabase(store, pool, `"${names.schema}"`);
  }

  /** `"rating".calls` */
  table(name: string): string {
    return `${this.schema}.${name}`;
  }
}
