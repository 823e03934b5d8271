// The CGRateS way of matching: a Map<prefix, row> probed with the number's substrings from the
// longest possible prefix down to one digit; the first hit is the longest match.
import type { RateRow } from '@billing/rating-domain';

export class MapPrefixIndex {
  private readonly byPrefix = new Map<string, RateRow>();
  private readonly maxLength: number;

  constructor(rows: readonly RateRow[]) {
    let maxLength = 0;
    for (const row of rows) {
      this.byPrefix.set(row.prefix, row);
      maxLength = Math.max(maxLength, row.prefix.length);
    }
    this.maxLength = maxLength;
  }

  find(digits: string): RateRow | null {
    for (let length = Math.min(digits.length, this.maxLength); length >= 1; length -= 1) {
      const row = this.byPrefix.get(digits.substring(0, length));
      if (row !== undefined) return row;
    }
    return null;
  }
}
