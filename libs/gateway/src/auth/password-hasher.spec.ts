import {
  DEFAULT_SCRYPT_PARAMS,
  hashGeneratedPassword,
  hashPassword,
  isGeneratedPasswordHash,
  needsRehash,
  verifyPassword,
} from './password-hasher.js';

const cheap = { logN: 10, blockSize: 8, parallelization: 1 };

describe('scrypt password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('uses a fresh salt per hash, in a self-describing PHC string', async () => {
    const a = await hashPassword('same password', cheap);
    const b = await hashPassword('same password', cheap);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  });

  it('hashes with the default (OWASP) parameters and verifies them', async () => {
    const hash = await hashPassword('a default-cost password');
    expect(hash.startsWith(`$scrypt$ln=${DEFAULT_SCRYPT_PARAMS.logN},r=${DEFAULT_SCRYPT_PARAMS.blockSize},p=${DEFAULT_SCRYPT_PARAMS.parallelization}$`)).toBe(true);
    await expect(verifyPassword('a default-cost password', hash)).resolves.toBe(true);
  });

  it('treats equivalent Unicode forms as the same password (NFC)', async () => {
    const hash = await hashPassword('caf\u00e9-password', cheap);
    await expect(verifyPassword('cafe\u0301-password', hash)).resolves.toBe(true);
  });

  it('refuses malformed stored hashes and out-of-range inputs without throwing', async () => {
    await expect(verifyPassword('x', 'plaintext')).resolves.toBe(false);
    await expect(verifyPassword('x', '$scrypt$ln=99,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=')).resolves.toBe(false);
    const hash = await hashPassword('p', cheap);
    await expect(verifyPassword('p'.repeat(2000), hash)).resolves.toBe(false);
    await expect(hashPassword('', cheap)).rejects.toThrow(RangeError);
  });

  it('knows when a hash is weaker than the current parameters', async () => {
    const weak = await hashPassword('pw', cheap);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, cheap)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('the cheap hash of generated passwords', () => {
  const generated = 'Xk7mQ2pR9sT4vW8yZ3aB5cD6';

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = hashGeneratedPassword(generated);
    await expect(verifyPassword(generated, hash)).resolves.toBe(true);
    await expect(verifyPassword(`${generated.slice(0, -1)}7`, hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('is salted and self-describing: $sha256$<16-byte salt>$<32-byte HMAC>', () => {
    const a = hashGeneratedPassword(generated);
    const b = hashGeneratedPassword(generated);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^\$sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(isGeneratedPasswordHash(a)).toBe(true);
    expect(a).not.toContain(generated);
  });

  it('refuses passwords too short to be a generated secret', () => {
    expect(() => hashGeneratedPassword('short-password-1')).toThrow(RangeError);
    expect(() => hashGeneratedPassword('x'.repeat(2000))).toThrow(RangeError);
  });

  it('refuses malformed or truncated stored hashes without throwing', async () => {
    const [, , salt, key] = hashGeneratedPassword(generated).split('$');
    await expect(verifyPassword(generated, `$sha256$${salt}$${key!.slice(0, 20)}`)).resolves.toBe(false);
    await expect(verifyPassword(generated, `$sha256$${salt}$`)).resolves.toBe(false);
    await expect(verifyPassword(generated, '$sha256$garbage')).resolves.toBe(false);
    await expect(verifyPassword(generated, `$sha256$AAAA$${key}`)).resolves.toBe(false);
  });

  it('is never upgraded on login (its strength is the password), while scrypt still is', async () => {
    expect(needsRehash(hashGeneratedPassword(generated))).toBe(false);
    expect(needsRehash('$sha256$garbage')).toBe(true);
    expect(isGeneratedPasswordHash(await hashPassword(generated, cheap))).toBe(false);
  });
});
