// A call as one Decider (stream `call-{callId}`), for the service and the specs.
import type { Decider } from '@billing/decider';
import type { CallCommand } from './call.commands.js';
import { decideCall } from './call.decide.js';
import type { CallEvent } from './call.events.js';
import { evolveCall, initialCall, type CallState } from './call.state.js';

export const callDecider: Decider<CallCommand, CallEvent, CallState> = {
  decide: decideCall,
  evolve: evolveCall,
  initialState: initialCall,
};
