import { isSipHa1, isSipUsername, normaliseUsername } from './credentials.js';
import { normaliseEmail } from './email.js';
import { normaliseLanguage } from './language.js';
import { isReferenceId, normaliseName, normaliseReason } from './text.js';

describe('normaliseEmail', () => {
  it.each([
    ['jane@example.com', 'jane@example.com'],
    ['  Jane.Doe+billing@Mail.Example.CO.UK ', 'Jane.Doe+billing@mail.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('%p → %p', (input, expected) => expect(normaliseEmail(input)).toBe(expected));

  it.each([
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane@@example.com',
    'jane doe@example.com',
    '.jane@example.com',
    'jane.@example.com',
    'ja..ne@example.com',
    'jane@-example.com',
    'jane@example.c',
    'jane@exa_mple.com',
    `${'a'.repeat(65)}@example.com`,
    `jane@${'a'.repeat(250)}.com`,
  ])('refuses %p', (input) => expect(normaliseEmail(input)).toBeNull());

  it('answers quickly on pathological input (bounded before matching)', () => {
    const started = process.hrtime.bigint();
    normaliseEmail(`${'a.'.repeat(5000)}@${'a-'.repeat(5000)}`);
    normaliseEmail(`jane@${'a.'.repeat(120)}`);
    expect(process.hrtime.bigint() - started).toBeLessThan(50_000_000n);
  });
});

describe('credentials', () => {
  it('SIP usernames: lowercase letters, digits, . _ -, 3..32 characters', () => {
    for (const ok of ['1000000016', 'jane.doe', 'a_b-c', 'abc', 'a'.repeat(32)]) expect(isSipUsername(ok)).toBe(true);
    for (const bad of ['ab', 'Jane', '-abc', 'a b', 'a@b', 'a'.repeat(33), '']) expect(isSipUsername(bad)).toBe(false);
  });

  it('HA1: 32 lowercase hex digits', () => {
    expect(isSipHa1('0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isSipHa1('0123456789ABCDEF0123456789ABCDEF')).toBe(false);
    expect(isSipHa1('secret')).toBe(false);
  });

  it('portal usernames are trimmed and lower-cased', () => {
    expect(normaliseUsername('  Jane.Doe@Example.com ')).toBe('jane.doe@example.com');
    expect(normaliseUsername('ab')).toBeNull();
    expect(normaliseUsername('jane doe')).toBeNull();
    expect(normaliseUsername('_jane')).toBeNull();
  });
});

describe('normaliseLanguage', () => {
  it.each([
    ['en', 'en'],
    ['ES', 'es'],
    ['pt-br', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['fil', 'fil'],
  ])('%p → %p', (input, expected) => expect(normaliseLanguage(input)).toBe(expected));

  it.each(['', 'e', 'english', 'en_US', 'en-', 'en-USA', '12'])('refuses %p', (input) => expect(normaliseLanguage(input)).toBeNull());
});

describe('text', () => {
  it('names are trimmed, bounded and free of control characters', () => {
    expect(normaliseName('  Acme  ', 10)).toBe('Acme');
    expect(normaliseName('   ', 10)).toBeNull();
    expect(normaliseName('x'.repeat(11), 10)).toBeNull();
    expect(normaliseName('Ac\u0000me', 10)).toBeNull();
  });

  it('a blank reason is none; a bad one is invalid (undefined)', () => {
    expect(normaliseReason(null, 10)).toBeNull();
    expect(normaliseReason('  ', 10)).toBeNull();
    expect(normaliseReason(' late ', 10)).toBe('late');
    expect(normaliseReason('x'.repeat(11), 10)).toBeUndefined();
  });

  it('reference ids are non-blank, without surrounding spaces, and bounded', () => {
    expect(isReferenceId('sheet-1')).toBe(true);
    expect(isReferenceId('')).toBe(false);
    expect(isReferenceId(' sheet')).toBe(false);
    expect(isReferenceId('x'.repeat(129))).toBe(false);
  });
});
