// The PostgreSQL wake-up signal: one dedicated connection taken from the pool that LISTENs on
// the store's channel; every append transaction sends pg_notify on commit. The connection is
// destroyed (not returned) when listening stops, so no LISTEN leaks into the pool.
import type pg from 'pg';
import type { WakeSource } from '../subscription/wake-hub.js';

export function notifySource(pool: pg.Pool, channel: string): WakeSource {
  return {
    async start(onWake, onError) {
      const client = await pool.connect();
      let stopped = false;
      const onNotification = (message: pg.Notification): void => {
        if (message.channel === channel) onWake();
      };
      const onClientError = (error: Error): void => {
        if (!stopped) onError(error);
      };
      const onEnd = (): void => {
        if (!stopped) onError(new Error(`LISTEN connection for ${channel} ended`));
      };
      client.on('notification', onNotification);
      client.on('error', onClientError);
      client.on('end', onEnd);
      const stop = async (): Promise<void> => {
        if (stopped) return;
        stopped = true;
        client.off('notification', onNotification);
        client.release(true);
        // Errors after release are the teardown of a connection we no longer use.
        client.off('error', onClientError);
        client.on('error', () => undefined);
        client.off('end', onEnd);
      };
      try {
        await client.query(`LISTEN "${channel}"`);
      } catch (error) {
        await stop();
        throw error;
      }
      return stop;
    },
  };
}
