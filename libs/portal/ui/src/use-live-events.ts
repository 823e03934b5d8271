import { useSessionStore } from '@billing/portal-session';
import { useEffect, useRef } from 'react';

export interface LiveEvent {
  /** the SSE event name: deposit, transfer, balance, call, low-balance, resync, … */
  type: string;
  /** the event id (resume point), '' when the server sent none. */
  id: string;
  data: unknown;
}

/** The feed's event names (docs/API.md, live feed); `resync` = reload summaries, events may be missed. */
export const LIVE_EVENT_TYPES = ['deposit', 'deposit-reversed', 'transfer', 'commission', 'balance', 'call', 'low-balance', 'resync'] as const;

export interface LiveEventsOptions {
  enabled?: boolean;
  types?: readonly string[];
}

const MAX_RETRY_MS = 30_000;

/**
 * Follows a live feed: asks `ticketPath` (POST, bearer) for a single-use ticket, opens
 * EventSource(streamPath) and calls `onEvent` per event. EventSource's own reconnect would reuse
 * the spent ticket, so on an error it closes and asks a new ticket, resuming at the last event id.
 */
export function useLiveEvents(ticketPath: string, onEvent: (event: LiveEvent) => void, { enabled = true, types = LIVE_EVENT_TYPES }: LiveEventsOptions = {}): void {
  const store = useSessionStore();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const typeList = types.join(',');

  useEffect(() => {
    if (!enabled) return undefined;
    let closed = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastEventId = '';
    let failures = 0;

    const retry = () => {
      if (closed) return;
      failures += 1;
      timer = setTimeout(connect, Math.min(MAX_RETRY_MS, 500 * 2 ** Math.min(failures, 6)));
    };

    async function connect(): Promise<void> {
      let streamPath: string;
      try {
        const response = await store.authFetch(ticketPath, { method: 'POST' });
        if (!response.ok) return retry();
        streamPath = ((await response.json()) as { streamPath: string }).streamPath;
      } catch {
        return retry();
      }
      if (closed) return;
      const url = lastEventId === '' ? streamPath : `${streamPath}${streamPath.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(lastEventId)}`;
      const opened = new EventSource(url);
      source = opened;
      opened.onopen = () => {
        failures = 0;
      };
      for (const type of typeList.split(',')) {
        opened.addEventListener(type, (message: MessageEvent<string>) => {
          if (message.lastEventId !== '') lastEventId = message.lastEventId;
          let data: unknown = message.data;
          try {
            data = JSON.parse(message.data);
          } catch {
            // not JSON: hand the text over as it is.
          }
          handler.current({ type, id: message.lastEventId, data });
        });
      }
      opened.onerror = () => {
        opened.close();
        if (source === opened) source = null;
        retry();
      };
    }

    void connect();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [store, ticketPath, enabled, typeList]);
}
