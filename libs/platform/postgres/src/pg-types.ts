// int8 / bigint columns as JS bigint, never number (docs/ARCHITECTURE.md, Money: money is bigint micro-units).
// node-postgres returns int8 as a string by default; these parsers turn it into a bigint.
// `bigintTypes` is passed per pool (createPool) so the process-wide pg defaults stay untouched;
// `installBigintTypeParsers()` is there for code that builds pg clients by itself.
import pg from 'pg';

export const PG_OID = { INT8: 20, INT8_ARRAY: 1016 } as const;

/** pg-types' TypeId enum lacks the array oids; the parsers are keyed by plain numbers anyway. */
type TypeId = Parameters<typeof pg.types.setTypeParser>[0];

function parseInt8Text(value: string): bigint {
  return BigInt(value);
}

type Nested<T> = T | null | Nested<T>[];

function toBigints(entry: Nested<string>): Nested<bigint> {
  if (entry === null) return null;
  return Array.isArray(entry) ? entry.map(toBigints) : BigInt(entry);
}

/** pg's own int8[] parser (taken before installBigintTypeParsers can replace it) yields strings. */
const int8ArrayAsStrings = pg.types.getTypeParser(PG_OID.INT8_ARRAY as number as TypeId, 'text') as (
  value: string,
) => Nested<string>;

function parseInt8ArrayText(value: string): Nested<bigint> {
  return toBigints(int8ArrayAsStrings(value));
}

function parseInt8Binary(value: Buffer): bigint {
  return value.readBigInt64BE(0);
}

type Parser = (value: never) => unknown;

/** A pg `types` config: int8 and int8[] as bigint, every other type as pg's defaults. */
export const bigintTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') {
      if (oid === PG_OID.INT8) return parseInt8Binary as Parser;
      return pg.types.getTypeParser(oid, 'binary');
    }
    if (oid === PG_OID.INT8) return parseInt8Text as Parser;
    if (oid === PG_OID.INT8_ARRAY) return parseInt8ArrayText as Parser;
    return pg.types.getTypeParser(oid, 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Sets the int8 parsers on pg's process-wide defaults (every Client/Pool without its own
 * `types`). Idempotent. Prefer `createPool`, which does not need this.
 */
export function installBigintTypeParsers(): void {
  pg.types.setTypeParser(PG_OID.INT8 as TypeId, 'text', parseInt8Text);
  pg.types.setTypeParser(PG_OID.INT8_ARRAY as number as TypeId, 'text', parseInt8ArrayText);
}
