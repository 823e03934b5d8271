import { passwordWeakness } from './password-rule.js';
import { generatePassword } from './credentials.service.js';

describe('passwordWeakness: the one rule of a chosen password', () => {
  it.each([
    ['short', /10–1024 characters/],
    ['x'.repeat(1025), /10–1024 characters/],
    ['aaaaaaaaaa', /at least 5 different characters/],
    ['abababababab', /at least 5 different characters/],
    ['1212343412', /at least 5 different characters/],
    ['0123456789', /simple sequence/],
    ['abcdefghijkl', /simple sequence/],
    ['9876543210', /simple sequence/],
    ['1234567890', /simple sequence/],
    ['0987654321', /simple sequence/],
    ['4567890123', /simple sequence/],
    ['qwertyuiop', /most common/],
    ['Password123', /most common/],
  ])('refuses %p', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it.each(['correct horse battery', 'Correct-Horse-9', 'customer-password-1', 'ünïcödé-pass'])('accepts %p', (password) => {
    expect(passwordWeakness(password)).toBeUndefined();
  });

  it('accepts every generated password', () => {
    for (let i = 0; i < 1_000; i += 1) expect(passwordWeakness(generatePassword())).toBeUndefined();
  });
});
