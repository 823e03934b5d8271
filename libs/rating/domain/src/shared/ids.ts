// Ids and stream names of the rating context (docs/ARCHITECTURE.md, Shape: `ratesheet-{id}`, `call-{callId}`).
import { MAX_ID_CHARS } from './limits.js';

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS && id.trim() === id && !/[\u0000-\u001f]/.test(id);
}

export function rateSheetStreamId(sheetId: string): string {
  return `ratesheet-${sheetId}`;
}

export function callStreamId(callId: string): string {
  return `call-${callId}`;
}
