// A fixed-size ring of the newest live items, indexed by id, for `Last-Event-ID` resumes.
// Memory is bounded by `capacity` items (each a few hundred bytes).

export class ReplayBuffer<T extends { id: string }> {
  private readonly slots: Array<T | undefined>;
  /** sequence number of the oldest item held. */
  private first = 0;
  /** sequence number the next item gets. */
  private next = 0;
  private readonly seqById = new Map<string, number>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`replay buffer capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.next - this.first;
  }

  push(item: T): void {
    if (this.size === this.capacity) this.evictOldest();
    this.slots[this.next % this.capacity] = item;
    this.seqById.set(item.id, this.next);
    this.next += 1;
  }

  /** The items pushed after the one with `id`, oldest first; undefined when `id` is not held (never seen, or evicted). */
  after(id: string): T[] | undefined {
    const seq = this.seqById.get(id);
    if (seq === undefined) return undefined;
    const items: T[] = [];
    for (let s = seq + 1; s < this.next; s += 1) items.push(this.slots[s % this.capacity]!);
    return items;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.seqById.clear();
    this.first = this.next;
  }

  private evictOldest(): void {
    const slot = this.first % this.capacity;
    const oldest = this.slots[slot];
    if (oldest !== undefined && this.seqById.get(oldest.id) === this.first) this.seqById.delete(oldest.id);
    this.slots[slot] = undefined;
    this.first += 1;
  }
}
