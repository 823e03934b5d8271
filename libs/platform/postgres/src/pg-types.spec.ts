import { bigintTypes, PG_OID } from './pg-types.js';

const textParser = (oid: number) => bigintTypes.getTypeParser(oid as never, 'text') as (value: string) => unknown;

describe('bigintTypes (pg type parsers)', () => {
  it('parses int8 as bigint, beyond Number.MAX_SAFE_INTEGER without loss', () => {
    expect(textParser(PG_OID.INT8)('9007199254740993')).toBe(9007199254740993n);
    expect(textParser(PG_OID.INT8)('-42')).toBe(-42n);
  });

  it('parses int8[] (also nested, with NULLs) as bigint arrays', () => {
    expect(textParser(PG_OID.INT8_ARRAY)('{1,-2,NULL}')).toEqual([1n, -2n, null]);
    expect(textParser(PG_OID.INT8_ARRAY)('{{1,2},{3,4}}')).toEqual([
      [1n, 2n],
      [3n, 4n],
    ]);
  });

  it("leaves other types to pg's defaults (int4 stays number, numeric stays string)", () => {
    expect(textParser(23)('5')).toBe(5);
    expect(textParser(1700)('1.50')).toBe('1.50');
  });

  it('parses binary int8 as bigint', () => {
    const buffer = Buffer.alloc(8);
    buffer.writeBigInt64BE(-123456789012345n);
    const parse = bigintTypes.getTypeParser(PG_OID.INT8 as never, 'binary') as (value: Buffer) => unknown;
    expect(parse(buffer)).toBe(-123456789012345n);
  });
});
