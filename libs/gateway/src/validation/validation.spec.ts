import { z } from 'zod';
import { canonicalJson } from '../idempotency/idempotency.interceptor.js';
import { uuidFromName } from '../idempotency/idempotent.decorator.js';
import { MoneyMicros, MoneyString } from './money-string.js';
import { assertStrictSchema } from './strict-schema.js';
import { fieldErrorsFromIssues, fieldLabel, invalidDetail } from './issues.js';

describe('assertStrictSchema', () => {
  it('accepts schemas whose objects are all strict', () => {
    expect(() =>
      assertStrictSchema(
        z.strictObject({
          rows: z.array(z.strictObject({ intervals: z.array(z.strictObject({ s: z.number() })).optional() })),
          kind: z.union([z.strictObject({ a: z.string() }), z.literal('x')]),
        }),
      ),
    ).not.toThrow();
  });

  it('names the first loose object, however deep', () => {
    expect(() => assertStrictSchema(z.object({ a: z.string() }), 'ValidBody')).toThrow(/ValidBody \(root\): use z.strictObject/);
    expect(() => assertStrictSchema(z.strictObject({ rows: z.array(z.object({})).default([]) }))).toThrow(/\.rows\[\]: use z.strictObject/);
  });
});

describe('MoneyString', () => {
  it('accepts decimal strings and refuses JSON numbers with a reason', () => {
    expect(MoneyString.parse('12.5')).toBe('12.5');
    expect(MoneyMicros.parse('0.0085')).toBe(8500n);
    const asNumber = MoneyString.safeParse(12.5);
    expect(asNumber.error?.issues[0]?.message).toMatch(/must be a decimal string like "12.50", got number 12.5/);
    expect(MoneyString.safeParse('1,5').error?.issues[0]?.message).toMatch(/decimal string/);
    expect(MoneyString.safeParse('1.1234567').error?.issues[0]?.message).toMatch(/at most 6 decimal places/);
  });
});

describe('canonicalJson (idempotency request hash)', () => {
  it('ignores key order, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('uuidFromName', () => {
  it('is a stable RFC 9562 version-5 UUID per name', () => {
    const id = uuidFromName('agent:7:key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidFromName('agent:7:key-1')).toBe(id);
    expect(uuidFromName('agent:8:key-1')).not.toBe(id);
  });
});

describe('field errors in plain sentences', () => {
  const Body = z.strictObject({
    amount: MoneyString,
    count: z.number().int().min(10).max(1000),
    name: z.string().min(1).max(3),
    kind: z.enum(['prepaid', 'postpaid']),
    email: z.email(),
    rows: z.array(z.strictObject({ prefix: z.string() })).max(1),
  });
  const errorsFor = (input: Record<string, unknown>) => fieldErrorsFromIssues(Body.safeParse(input).error!.issues, input);

  it('says a missing field is required, whatever its type', () => {
    expect(errorsFor({ count: 10, name: 'a', kind: 'prepaid', email: 'a@b.co', rows: [] })).toEqual([{ path: '/amount', message: 'is required' }]);
    expect(errorsFor({ amount: '1', name: 'a', kind: 'prepaid', email: 'a@b.co', rows: [{}] })).toEqual([
      { path: '/count', message: 'is required' },
      { path: '/rows/0/prefix', message: 'is required' },
    ]);
  });

  it('names types, bounds, options and formats without library words', () => {
    const errors = errorsFor({ amount: '1.1234567', count: 5.5, name: 'abcd', kind: 'x', email: 'no', rows: [{ prefix: 1 }] });
    expect(errors).toEqual([
      { path: '/amount', message: expect.stringMatching(/at most 6 decimal places/) },
      { path: '/count', message: 'must be a whole number' },
      { path: '/name', message: 'must be at most 3 characters long' },
      { path: '/kind', message: 'must be one of "prepaid", "postpaid"' },
      { path: '/email', message: 'must be an e-mail address' },
      { path: '/rows/0/prefix', message: 'must be a string' },
    ]);
    expect(errorsFor({ amount: '1', count: 2, name: '', kind: 'prepaid', email: 'a@b.co', rows: [] }).map((e) => e.message)).toEqual([
      'must be at least 10',
      'must be at least 1 character long',
    ]);
    expect(errorsFor({ amount: '1', count: 10, name: 'a', kind: 'prepaid', email: 'a@b.co', rows: [{ prefix: '1' }, { prefix: '2' }] })).toEqual([
      { path: '/rows', message: 'must have at most 1 item' },
    ]);
    for (const { message } of errors) expect(message).not.toMatch(/received|expected|Invalid|Too (big|small)/);
  });

  it('labels a pointer as people read a field', () => {
    expect(fieldLabel('/rows/0/prefix')).toBe('rows[0].prefix');
    expect(fieldLabel('/amount')).toBe('amount');
    expect(fieldLabel('/a~1b')).toBe('a/b');
  });
});

describe('a number names its bounds once (acceptance: limit=1e20 said "at most 9007199254740991", then again "at most 500")', () => {
  const Query = z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).optional(),
    ratio: z.coerce.number().gt(0).lt(1).optional(),
  });
  const errorsFor = (input: Record<string, unknown>) => fieldErrorsFromIssues(Query.safeParse(input).error!.issues, input, Query);

  it.each([
    ['1e20', 'must be at most 500'],
    ['-1', 'must be at least 1'],
    ['abc', 'must be a whole number from 1 to 500'],
    ['1.5', 'must be a whole number from 1 to 500'],
    ['Infinity', 'must be a whole number from 1 to 500'],
  ])('limit=%s → one error: %s', (limit, message) => {
    expect(errorsFor({ limit })).toEqual([{ path: '/limit', message }]);
  });

  it('names only the bounds the schema states, and exclusive ones as such', () => {
    expect(errorsFor({ offset: 'x' })).toEqual([{ path: '/offset', message: 'must be a whole number, at least 0' }]);
    expect(errorsFor({ offset: '1e20' })).toEqual([{ path: '/offset', message: 'must be at most 9007199254740991' }]);
    expect(errorsFor({ ratio: 'x' })).toEqual([{ path: '/ratio', message: 'must be a number, greater than 0 and less than 1' }]);
  });

  it('finds the number under lists, wrappers and pipes', () => {
    const Body = z.strictObject({ rows: z.array(z.strictObject({ n: z.string().transform(Number).pipe(z.number().int().min(2).max(9)).optional() })) });
    const input = { rows: [{ n: 'x' }] };
    expect(fieldErrorsFromIssues(Body.safeParse(input).error!.issues, input, Body)).toEqual([{ path: '/rows/0/n', message: 'must be a whole number from 2 to 9' }]);
  });
});

describe('invalidDetail: one rule, "<field>: <message>", a readable sentence whatever the message', () => {
  it.each([
    ['request body', [{ path: '/amount', message: 'is required' }], 'The request body is invalid — amount: is required.'],
    ['request body', [{ path: '/account', message: 'give an account, a sipUsername or a sourceIp' }], 'The request body is invalid — account: give an account, a sipUsername or a sourceIp.'],
    ['query string', [{ path: '/customerId', message: "is required with sipUsername or groupBy (SIP users are a customer's)" }], "The query string is invalid — customerId: is required with sipUsername or groupBy (SIP users are a customer's)."],
    // a message that is a whole sentence keeps one closing period
    ['request body', [{ path: '/rows/0/prefix', message: 'must be digits.' }, { path: '/x', message: 'unknown field' }], 'The request body is invalid — rows[0].prefix: must be digits (and 1 more).'],
    ['request body', [{ path: '', message: 'send at least one field to change' }], 'The request body is invalid — send at least one field to change.'],
  ])('%s %j', (what, errors, detail) => {
    expect(invalidDetail(what, errors)).toBe(detail);
  });
});
