// The stores under test. `ours` is the adapter as configured by default (NOTIFY on every
// append); `ours_nonotify` is the documented write-heavy option `notify: false`.
import { emmettKind } from './emmett.js';
import { oursKind } from './ours.js';

export const OURS = oursKind({ notify: true });
export const OURS_NO_NOTIFY = oursKind({ notify: false });
export const EMMETT = emmettKind;
