// How a rate row is stored in rate_rows and shown on the wire. Intervals are one text column,
// `start:rateMicros:increment;…`, cheap to write in bulk and to read back into a RateRow.
import { formatMoney } from '@billing/money';
import type { RateInterval, RateRow, SheetRounding } from '@billing/rating-domain';

export interface StoredRow {
  prefix: string;
  destination: string;
  connect_fee_micros: bigint;
  minimum_seconds: number;
  intervals: string;
}

export function intervalsText(intervals: readonly RateInterval[]): string {
  let text = '';
  for (const interval of intervals) text += `${text === '' ? '' : ';'}${interval.startSecond}:${interval.ratePerMinuteMicros}:${interval.incrementSeconds}`;
  return text;
}

export function rowFromStored(stored: StoredRow): RateRow {
  const intervals: RateInterval[] = stored.intervals.split(';').map((part) => {
    const [start, rate, increment] = part.split(':');
    return { startSecond: Number(start), ratePerMinuteMicros: BigInt(rate ?? ''), incrementSeconds: Number(increment) };
  });
  return { prefix: stored.prefix, destination: stored.destination, connectFeeMicros: BigInt(stored.connect_fee_micros), minimumSeconds: stored.minimum_seconds, intervals };
}

export interface RateRowView {
  prefix: string;
  destination: string;
  connectFee: string;
  minimumSeconds: number;
  intervals: { startSecond: number; ratePerMinute: string; incrementSeconds: number }[];
}

export function rateRowView(row: RateRow): RateRowView {
  return {
    prefix: row.prefix,
    destination: row.destination,
    connectFee: formatMoney(row.connectFeeMicros),
    minimumSeconds: row.minimumSeconds,
    intervals: row.intervals.map((interval) => ({ startSecond: interval.startSecond, ratePerMinute: formatMoney(interval.ratePerMinuteMicros), incrementSeconds: interval.incrementSeconds })),
  };
}

export function roundingView(rounding: SheetRounding): { decimals: number; mode: string } {
  return { decimals: rounding.decimals, mode: rounding.mode };
}
