// Live items on the two wires they cross: the NOTIFY payload (JSON, under PostgreSQL's 8000-byte
// limit) and the SSE frame (`id:`, `event:`, one `data:` line of JSON).
import { z } from 'zod';
import { LIVE_EVENT_NAMES, type LiveItem } from './live-item.js';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_NOTIFY_BYTES = 7_999;

const LiveItemSchema = z.object({
  id: z.string().min(1).max(200).regex(/^[^\r\n]+$/),
  event: z.enum(LIVE_EVENT_NAMES),
  agentId: z.string().nullable(),
  customerId: z.string().nullable().default(null),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
});

export function encodeLiveItem(item: LiveItem): string {
  const payload = JSON.stringify(item);
  if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) throw new Error(`live item ${item.id} is ${Buffer.byteLength(payload)} bytes, over the NOTIFY limit`);
  return payload;
}

/** Throws on anything that is not a live item (the channel is ours, so that is a bug). */
export function decodeLiveItem(payload: string): LiveItem {
  return LiveItemSchema.parse(JSON.parse(payload));
}

/** One SSE message. JSON has no raw newlines, so `data:` is a single line. */
export function sseMessage(item: LiveItem): string {
  return `id: ${item.id}\nevent: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`;
}

/** A message without an id (does not move the client's Last-Event-ID). */
export function sseControl(event: string, data: Record<string, unknown>): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}
