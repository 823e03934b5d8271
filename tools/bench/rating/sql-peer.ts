// The SQL peer: the deck in a PostgreSQL table with an index on the prefix, one query per call.
//   a2billing: `WHERE $1 LIKE prefix || '%' ORDER BY length(prefix) DESC LIMIT 1` — how A2Billing
//              rates (the pattern is per row, so no index can serve it: a scan of the deck).
//   any:       `WHERE prefix = ANY(every prefix of the number) ORDER BY length(prefix) DESC LIMIT 1`
//              — the indexed rewrite (one index probe per prefix length).
import type { RateRow } from '@billing/rating-domain';
import pg from 'pg';

export type SqlQueryKind = 'a2billing' | 'any';

const QUERIES: Record<SqlQueryKind, string> = {
  a2billing: `SELECT row_index FROM rate_prefixes WHERE $1::text LIKE prefix || '%' ORDER BY length(prefix) DESC LIMIT 1`,
  any: `SELECT row_index FROM rate_prefixes WHERE prefix = ANY($1::text[]) ORDER BY length(prefix) DESC LIMIT 1`,
};

export class SqlPrefixPeer {
  private constructor(readonly pool: pg.Pool) {}

  /** Loads the deck into `rate_prefixes` (prefix primary key + a text_pattern_ops index) and analyzes it. */
  static async load(url: string, rows: readonly RateRow[], connections: number): Promise<SqlPrefixPeer> {
    const pool = new pg.Pool({ connectionString: url, max: connections, application_name: 'bench-sql-peer' });
    await pool.query('CREATE TABLE rate_prefixes (prefix text PRIMARY KEY, row_index integer NOT NULL, destination text NOT NULL)');
    for (let from = 0; from < rows.length; from += 10_000) {
      const chunk = rows.slice(from, from + 10_000);
      await pool.query('INSERT INTO rate_prefixes SELECT * FROM unnest($1::text[], $2::int[], $3::text[])', [
        chunk.map((row) => row.prefix),
        chunk.map((_, i) => from + i),
        chunk.map((row) => row.destination),
      ]);
    }
    await pool.query('CREATE INDEX rate_prefixes_pattern ON rate_prefixes (prefix text_pattern_ops)');
    await pool.query('ANALYZE rate_prefixes');
    return new SqlPrefixPeer(pool);
  }

  /** The row index of the longest prefix of `digits`, or -1. A prepared statement per kind. */
  async find(kind: SqlQueryKind, digits: string): Promise<number> {
    const values = kind === 'a2billing' ? [digits] : [Array.from({ length: digits.length }, (_, i) => digits.slice(0, i + 1))];
    const result = await this.pool.query<{ row_index: number }>({ name: `lookup-${kind}`, text: QUERIES[kind], values });
    return result.rows[0]?.row_index ?? -1;
  }

  /** EXPLAIN of a query (the report shows the plan). */
  async plan(kind: SqlQueryKind, digits: string): Promise<string> {
    const value = kind === 'a2billing' ? `'${digits}'::text` : `ARRAY[${Array.from({ length: digits.length }, (_, i) => `'${digits.slice(0, i + 1)}'`).join(',')}]::text[]`;
    const { rows } = await this.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${QUERIES[kind].replace('$1::text[]', value).replace('$1::text', value)}`);
    return rows.map((row) => row['QUERY PLAN'].trim()).join(' → ');
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
