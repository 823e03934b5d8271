// Plain sums with the overflow assertion a fixed-width money type would give for free.
import { assertMicros } from './assert-micros.js';

export function addMicros(a: bigint, b: bigint): bigint {
  assertMicros(a);
  assertMicros(b);
  const sum = a + b;
  assertMicros(sum);
  return sum;
}

export function sumMicros(values: Iterable<bigint>): bigint {
  let sum = 0n;
  for (const value of values) sum = addMicros(sum, value);
  return sum;
}

export function minMicros(first: bigint, ...rest: bigint[]): bigint {
  let min = first;
  for (const value of [first, ...rest]) {
    assertMicros(value);
    if (value < min) min = value;
  }
  return min;
}

export function maxMicros(first: bigint, ...rest: bigint[]): bigint {
  let max = first;
  for (const value of [first, ...rest]) {
    assertMicros(value);
    if (value > max) max = value;
  }
  return max;
}
