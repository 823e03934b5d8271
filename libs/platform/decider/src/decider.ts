// Aggregates are deciders (docs/ARCHITECTURE.md, Event store): pure functions, no I/O, clock and ids passed in commands.

export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A command that breaks a business rule. `code` is stable for API mapping (403 = this actor may not, 404, 409, 422). */
export class RejectedCommand extends Error {
  constructor(
    message: string,
    readonly code: string = 'rejected',
    readonly status: 403 | 404 | 409 | 422 = 422,
    /** further members of the answer (`available` of an insufficient_funds), JSON values, money as decimal strings. */
    readonly details: Readonly<Record<string, unknown>> = {},
    /**
     * true: a command's rules decided this refusal — it is the command's outcome (an Idempotency-Key
     * keeps and replays it). false: a check or policy before the decision refused the request
     * (a sheet another service has not published yet, what this actor may set): nothing was
     * decided, so a retry with the same key runs again. See `beforeDecision`.
     */
    readonly decided: boolean = true,
  ) {
    super(message);
    this.name = 'RejectedCommand';
  }
}

/** The same refusal, raised by a check or policy before any command is decided (`decided: false`). */
export function beforeDecision(rejection: RejectedCommand): RejectedCommand {
  return new RejectedCommand(rejection.message, rejection.code, rejection.status, rejection.details, false);
}

/** A broken invariant while evolving state: a bug, never clamp (TIGER_STYLE: assert and crash). */
export class InvariantViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvariantViolation';
  }
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}

export function fold<Event, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve'>, state: State, events: readonly Event[]): State {
  let current = state;
  for (const event of events) current = decider.evolve(current, event);
  return current;
}
