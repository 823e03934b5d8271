// Wires a SubscriptionLoop to a store's shared wake-up signal and to its set of live
// subscriptions (so close() can stop them all).
import type { SubscribeOptions, Subscription } from '../port.js';
import { SubscriptionLoop, type ReadAll } from './subscription-loop.js';
import type { WakeHub } from './wake-hub.js';

export function startSubscription(readAll: ReadAll, options: SubscribeOptions, hub: WakeHub, live: Set<Subscription>): Subscription {
  const loop = new SubscriptionLoop(
    readAll,
    options,
    (self) => hub.add(self),
    async (self) => {
      live.delete(self);
      await hub.remove(self);
    },
  );
  live.add(loop);
  return loop;
}

/** Stops every live subscription (a store's close()), waiting for running handlers. */
export async function stopAll(live: Set<Subscription>): Promise<void> {
  await Promise.all([...live].map((subscription) => subscription.stop()));
}
