// Copy-on-write helpers for the readonly collections of the state: evolve never mutates.

export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const copy = new Map(map);
  copy.set(key, value);
  return copy;
}

export function withoutEntry<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}

/** Appends to a window that keeps only the newest `capacity` items. */
export function pushBounded<T>(items: readonly T[], item: T, capacity: number): readonly T[] {
  const start = items.length + 1 > capacity ? items.length + 1 - capacity : 0;
  const next = items.slice(start);
  next.push(item);
  return next;
}
