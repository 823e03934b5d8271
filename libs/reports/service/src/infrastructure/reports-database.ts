// The reports service's storage, one schema: an event store used for its inbox, checkpoints and
// in-process dead letters (reports records no domain events of its own), and the read models.
import { PostgresEventStore, schemaNames } from '@billing/event-store';
import type { OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { migrateReadModels } from './read-model.schema.js';

export type ReportsTable = 'agents' | 'customers' | 'ledger_facts' | 'balances' | 'calls';

export class ReportsDatabase implements OnApplicationShutdown {
  private constructor(
    readonly store: PostgresEventStore,
    readonly pool: pg.Pool,
    /** validated and quoted: safe to interpolate into SQL. */
    readonly schema: string,
    /** NOTIFY channel of the live feed (committed projection changes). */
    readonly liveChannel: string,
  ) {}

  static async open(pool: pg.Pool, schema: string): Promise<ReportsDatabase> {
    const names = schemaNames(schema); // validates the name before it is ever interpolated
    const store = await PostgresEventStore.open({ pool, schema: names.schema });
    await migrateReadModels(pool, names.schema);
    return new ReportsDatabase(store, pool, `"${names.schema}"`, `${names.schema}_live`);
  }

  /** `"reports".calls` */
  table(name: ReportsTable): string {
    return `${this.schema}.${name}`;
  }

  /** After the consumer and the live feed stopped (onModuleDestroy runs first). */
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
