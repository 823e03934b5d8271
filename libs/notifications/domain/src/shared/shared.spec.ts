import { displayInstant, displayMoney } from './display.js';
import { domainOf, isDeliverableAddress } from './email-address.js';
import { chooseLanguage } from './language.js';

describe('chooseLanguage', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['pt-BR', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('%p → %p', (tag, expected) => expect(chooseLanguage(tag, ['en', 'es'])).toBe(expected));
});

describe('deliverable addresses', () => {
  it.each(['jane@example.com', "o'neil&co@example.org", 'a.b+tag@sub.example.co.uk'])('accepts %p', (address) => expect(isDeliverableAddress(address)).toBe(true));

  it.each(['jane', 'jane@localhost', 'a@b.com, c@d.com', 'Jane <jane@example.com>', 'jane@example.com\r\nBcc: x@y.z', '<script>@x.com', `${'a'.repeat(250)}@x.com`])(
    'refuses %p (it would not be one mailbox)',
    (address) => expect(isDeliverableAddress(address)).toBe(false),
  );

  it('finds the domain of a From header', () => {
    expect(domainOf('ITC Billing <billing@ITC.example>')).toBe('itc.example');
    expect(domainOf('billing@itc.example')).toBe('itc.example');
    expect(domainOf('nobody')).toBeUndefined();
  });
});

describe('display', () => {
  it.each([
    ['12.5', 'en', '12.50'],
    ['12.5', 'es', '12,50'],
    ['-3', 'en', '-3.00'],
    ['0.0085', 'en', '0.0085'],
    ['-0.000001', 'es', '-0,000001'],
  ])('money %p in %p → %p (never rounded)', (decimal, language, text) => expect(displayMoney(decimal, language)).toBe(text));

  it('shows instants in UTC to the minute', () => expect(displayInstant('2026-11-25T17:52:18.123Z')).toBe('2026-11-25 17:52 UTC'));
});
