// UUIDs for event ids. v5 (name-based, SHA-1, RFC 9562 §5.5) gives deterministic event ids: the
// same command id always yields the same event ids, so a retried command appends nothing new.
import { createHash } from 'node:crypto';

/** Any 8-4-4-4-12 hex value: what PostgreSQL's uuid type accepts (no version/variant check). */
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Namespace of this project's event ids (fixed forever: changing it changes every derived id). */
export const EVENT_ID_NAMESPACE = 'c0a540b1-53d4-47c4-8dea-9ff80afe3ad1';

export function isUuid(text: string): boolean {
  return UUID_TEXT.test(text);
}

function uuidBytes(uuid: string): Buffer {
  if (!isUuid(uuid)) throw new Error(`invalid uuid "${uuid}"`);
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** RFC 9562 UUID version 5 of `name` (UTF-8) in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  return formatUuid(bytes);
}

/**
 * The event id of the `index`-th event a command with idempotency id `commandId` appends to
 * `streamId`. The stream is part of the name so one command id used on two streams (a transfer
 * touching agent and customer) never collides.
 */
export function deterministicEventId(streamId: string, commandId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`event index must be a non-negative integer, got ${index}`);
  if (commandId === '') throw new Error('command id must not be empty');
  // NUL separates the parts, so neither may contain it (PostgreSQL text cannot hold NUL anyway).
  if (streamId.includes('\u0000') || commandId.includes('\u0000')) throw new Error('stream and command ids must not contain NUL');
  return uuidV5(`${streamId}\u0000${commandId}\u0000${index}`, EVENT_ID_NAMESPACE);
}
