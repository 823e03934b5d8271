import { normaliseDestination } from './normalise-destination.js';

const NOT_A_NUMBER = 'must be digits, optionally with a leading + or 00, spaces, dashes, dots or parentheses';

describe('normaliseDestination', () => {
  it.each([
    ['442079460958', '442079460958'],
    ['+44 20 7946 0958', '442079460958'],
    ['0044 20 7946 0958', '442079460958'],
    ['+44 (20) 7946-0958', '442079460958'],
    ['1.212.555.0100', '12125550100'],
    ['  +1 212 555 0100 ', '12125550100'],
    // a national number keeps its single 0: only "00" is the international prefix
    ['0 20 7946 0958', '02079460958'],
    // one international prefix is stripped, never two
    ['+0044123', '0044123'],
  ])('%j → %j', (text, digits) => {
    expect(normaliseDestination(text)).toEqual({ ok: true, digits });
  });

  it.each([
    ['', 'must contain digits'],
    ['+', 'must contain digits'],
    ['00', 'must contain digits'],
    ['*97', NOT_A_NUMBER],
    ['s', NOT_A_NUMBER],
    ['sip:4420@example.com', NOT_A_NUMBER],
    ['44+20', NOT_A_NUMBER],
    ['1'.repeat(33), 'must be at most 32 digits'],
    [' '.repeat(65), 'must be at most 64 characters'],
  ])('refuses %j', (text, reason) => {
    expect(normaliseDestination(text)).toEqual({ ok: false, reason });
  });
});
