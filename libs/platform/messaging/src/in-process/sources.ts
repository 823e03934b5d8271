// The in-process replacement for topics: which event store and mapper stand behind a topic name.
// A consumer may start before the producing service registered; it then waits for the source.
import type { IntegrationEventMapper } from '@billing/contracts';
import type { RecordedEvent } from '@billing/event-store';
import type { SourceStore } from '../ports.js';

export interface Source {
  topic: string;
  store: SourceStore;
  mapper: IntegrationEventMapper<RecordedEvent>;
}

export class SourceRegistry {
  private readonly sources = new Map<string, Source>();
  private readonly waiting = new Map<string, ((source: Source) => void)[]>();

  register(source: Source): void {
    if (this.sources.has(source.topic)) throw new Error(`topic ${source.topic} already has a source`);
    this.sources.set(source.topic, source);
    const waiters = this.waiting.get(source.topic) ?? [];
    this.waiting.delete(source.topic);
    for (const resolve of waiters) resolve(source);
  }

  unregister(topic: string): void {
    this.sources.delete(topic);
  }

  /** Resolves when the topic has a source (at once when it already has one). */
  whenAvailable(topic: string): Promise<Source> {
    const existing = this.sources.get(topic);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(topic) ?? [];
      waiters.push(resolve);
      this.waiting.set(topic, waiters);
    });
  }

  has(topic: string): boolean {
    return this.sources.has(topic);
  }
}
