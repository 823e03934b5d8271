// Password hashing with scrypt (node:crypto), a random salt per password, and a self-describing
// PHC-style string so the cost can be raised later without invalidating stored hashes:
//   $scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>
// Generated secrets (≥ 128 bits from a CSPRNG, never chosen by a person) get a cheap salted hash
// instead: a slow KDF protects guessable passwords, and these cannot be guessed, fast or slow.
//   $sha256$<salt base64>$<HMAC-SHA256(key = salt, message = password) base64>
// verifyPassword accepts both forms; a person's password always gets scrypt (hashPassword).
import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  blockSize: number;
  parallelization: number;
}

/**
 * OWASP Password Storage Cheat Sheet, scrypt row N=2^15, r=8, p=3: 32 MiB per hash, ~200 ms on
 * one core of the 2-core dev machine. Hashes run on libuv's thread pool (4 threads), so at most
 * 4 run at once and memory stays bounded (~128 MiB).
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = Object.freeze({ logN: 15, blockSize: 8, parallelization: 3 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const SHA256_BYTES = 32;
/** Longer inputs are refused before hashing (bounded work per request). */
export const MAX_PASSWORD_LENGTH = 1024;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
const GENERATED = /^\$sha256\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;
const GENERATED_PREFIX = '$sha256$';
/**
 * Shortest password hashGeneratedPassword takes. Only a guard against obvious misuse: the gateway
 * cannot see randomness, the caller vouches for it (24 characters of a 57-letter alphabet ≈ 140 bits).
 */
export const MIN_GENERATED_PASSWORD_LENGTH = 20;

function scrypt(password: string, salt: Buffer, keyLength: number, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = {
    N,
    r: params.blockSize,
    p: params.parallelization,
    // scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that for 2^15·8.
    maxmem: 256 * N * params.blockSize,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) throw new RangeError('password length out of range');
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, params);
  return `$scrypt$ln=${params.logN},r=${params.blockSize},p=${params.parallelization}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * The cheap salted hash, for a password the caller generated from a CSPRNG with at least ~128 bits
 * (a batch's portal passwords). Never for a password a person chose or may have chosen: those get
 * hashPassword. Synchronous and ~microseconds, so a thousand logins hash in milliseconds.
 */
export function hashGeneratedPassword(password: string): string {
  if (password.length < MIN_GENERATED_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(`a generated password must be ${MIN_GENERATED_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`);
  }
  const salt = randomBytes(SALT_BYTES);
  return `${GENERATED_PREFIX}${salt.toString('base64')}$${hmac(password, salt).toString('base64')}`;
}

/** Whether `encoded` is the cheap form of a generated password (not a person's scrypt hash). */
export function isGeneratedPasswordHash(encoded: string): boolean {
  return encoded.startsWith(GENERATED_PREFIX);
}

/**
 * Either form; the derived key is compared in constant time (timingSafeEqual on equal lengths).
 * A malformed stored hash verifies as false.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  if (isGeneratedPasswordHash(encoded)) {
    const generated = parseGeneratedHash(encoded);
    return generated !== undefined && timingSafeEqual(hmac(password, generated.salt), generated.key);
  }
  const parsed = parseHash(encoded);
  if (parsed === undefined) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/**
 * True when `encoded` uses weaker parameters than `params` (rehash on the next successful login).
 * A generated password's hash is never upgraded: its strength is the password's own randomness.
 */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  if (isGeneratedPasswordHash(encoded)) return parseGeneratedHash(encoded) === undefined;
  const parsed = parseHash(encoded);
  return (
    parsed === undefined ||
    parsed.params.logN < params.logN ||
    parsed.params.blockSize < params.blockSize ||
    parsed.params.parallelization < params.parallelization
  );
}

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const match = PHC.exec(encoded);
  if (match === null) return undefined;
  const params = { logN: Number(match[1]), blockSize: Number(match[2]), parallelization: Number(match[3]) };
  if (params.logN < 10 || params.logN > 20 || params.blockSize < 1 || params.parallelization < 1) return undefined;
  const salt = Buffer.from(match[4]!, 'base64');
  const key = Buffer.from(match[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return undefined;
  return { params, salt, key };
}

function hmac(password: string, salt: Buffer): Buffer {
  return createHmac('sha256', salt).update(password.normalize('NFC'), 'utf8').digest();
}

function parseGeneratedHash(encoded: string): { salt: Buffer; key: Buffer } | undefined {
  const match = GENERATED.exec(encoded);
  if (match === null) return undefined;
  const salt = Buffer.from(match[1]!, 'base64');
  const key = Buffer.from(match[2]!, 'base64');
  // exactly a SHA-256 digest: timingSafeEqual needs equal lengths, and a short key would be weak
  if (salt.length < 8 || key.length !== SHA256_BYTES) return undefined;
  return { salt, key };
}
