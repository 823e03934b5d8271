// Password hashing with scrypt (node:crypto), a random salt per password, and a self-describing
// PHC-style string so the cost can be raised later without invalidating stored hashes:
//   $scrypt$ln=15,r=8,p=1$<salt base64>$<hash base64>
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

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
/** Longer inputs are refused before hashing (bounded work per request). */
export const MAX_PASSWORD_LENGTH = 1024;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

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

/** Constant-time comparison of the derived key; a malformed stored hash verifies as false. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (parsed === undefined || password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await scrypt(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

/** True when `encoded` uses weaker parameters than `params` (rehash on the next successful login). */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
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
