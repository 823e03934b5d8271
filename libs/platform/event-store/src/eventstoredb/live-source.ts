// The EventStoreDB wake-up signal: a live $all subscription from the end, filtered to user event
// types, whose events are only a "something new" ping. The subscription loop then reads the
// batch itself with readAll, so both adapters share one delivery path (bounded batches, retries).
import type { WakeSource } from '../subscription/wake-hub.js';
import type { EsdbClient, EsdbLibrary } from './esdb-library.js';

const CONFIRMATION_TIMEOUT_MS = 10_000;

export function liveSource(client: EsdbClient, library: EsdbLibrary): WakeSource {
  return {
    async start(onWake, onError) {
      const subscription = client.subscribeToAll({
        fromPosition: 'end',
        filter: library.eventTypeFilter({ regex: '^[^$]' }),
      });
      let stopped = false;
      subscription.on('data', () => onWake());
      const stop = async (): Promise<void> => {
        if (stopped) return;
        stopped = true;
        await subscription.unsubscribe();
      };
      const confirmed = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('EventStoreDB live subscription not confirmed in time')), CONFIRMATION_TIMEOUT_MS);
        subscription.once('confirmation', () => {
          clearTimeout(timer);
          resolve();
        });
        subscription.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
          if (!stopped) onError(error);
        });
        subscription.once('end', () => {
          if (!stopped) onError(new Error('EventStoreDB live subscription ended'));
        });
      });
      try {
        await confirmed;
      } catch (error) {
        await stop().catch(() => undefined); // it failed to start: nothing more to report
        throw error;
      }
      return stop;
    },
  };
}
