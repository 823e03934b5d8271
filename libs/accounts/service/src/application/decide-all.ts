import { fold, type Decider } from '@billing/decider';

/** Several commands on one aggregate as one change (a PATCH): each sees the previous one's effect. */
export function decideAll<C, E, S>(decider: Decider<C, E, S>, state: S, commands: readonly C[]): E[] {
  const events: E[] = [];
  let current = state;
  for (const command of commands) {
    const decided = decider.decide(command, current);
    current = fold(decider, current, decided);
    events.push(...decided);
  }
  return events;
}
