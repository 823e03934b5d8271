import { payloadBytes, callRated } from '../payload.js';
console.log(payloadBytes(), JSON.stringify(callRated(1)));
