// Given / When / Then for deciders (after emmett's DeciderSpecification): tests read like the rule.
//   spec(decider).given([deposited('100')]).when(transfer('150')).thenRejects('insufficient agent balance');
import { fold, RejectedCommand, type Decider } from "./decider.js";

export interface DeciderThen<Event> {
  /** the exact events decided, in order (deep equality, bigint-aware). */
  then(expected: Event[]): void;
  /** no events: an idempotent repeat or a no-op. */
  thenNothing(): void;
  /** rejected with this message (string = exact, RegExp = match) and, if given, this code. */
  thenRejects(message: string | RegExp, code?: string): void;
  /** the decided events, for assertions that need more than equality. */
  events(): Event[];
}

export interface DeciderWhen<Command, Event> {
  when(command: Command): DeciderThen<Event>;
}

export function spec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]): DeciderWhen<Command, Event> {
      return {
        when(command: Command): DeciderThen<Event> {
          const run = (): Event[] => decider.decide(command, fold(decider, decider.initialState(), history));
          return {
            then(expected) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            thenRejects(message, code) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(RejectedCommand);
              const rejected = caught as RejectedCommand;
              if (typeof message === 'string') expect(rejected.message).toBe(message);
              else expect(rejected.message).toMatch(message);
              if (code !== undefined) expect(rejected.code).toBe(code);
            },
            events: run,
          };
        },
      };
    },
  };
}
