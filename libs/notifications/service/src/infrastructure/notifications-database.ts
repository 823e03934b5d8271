// The notifications service's storage: its event store (notification streams, the consumers'
// inbox and checkpoints, in-process dead letters) and its read models, in one schema.
import { PostgresEventStore, schemaNames } from '@billing/event-store';
import type { OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { migrateReadModels } from './read-model.schema.js';

export class NotificationsDatabase implements OnApplicationShutdown {
  private constructor(
    readonly store: PostgresEventStore,
    readonly pool: pg.Pool,
    /** validated and quoted: safe to interpolate into SQL. */
    readonly schema: string,
  ) {}

  static async open(pool: pg.Pool, schema: string): Promise<NotificationsDatabase> {
    const names = schemaNames(schema); // validates the name before it is ever interpolated
    const store = await PostgresEventStore.open({ pool, schema: names.schema });
    await migrateReadModels(pool, names.schema);
    return new NotificationsDatabase(store, pool, `"${names.schema}"`);
  }

  /** `"notifications".recipients` */
  table(name: 'notifications' | 'recipients'): string {
    return `${this.schema}.${name}`;
  }

  /** After consumers and worker stopped (onModuleDestroy runs first): stops the store's listener. */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
