// The shape of the wallet and rating suites' results: one figure per measurement, judged against
// its target, with free-form facts for the report.
import type { CpuMonitor, CpuShare } from '../cpu-monitor.js';

export interface Target {
  /** 'min': the value must be ≥ target; 'max': it must be < target. */
  kind: 'min' | 'max';
  value: number;
  /** as the issue states it, e.g. "≥ 3 000 transfers/s". */
  text: string;
}

export interface Figure {
  id: string;
  label: string;
  /** the reported value (a median of runs unless `method` says otherwise). */
  value: number;
  unit: string;
  /** each timed run's value, in run order. */
  runs: number[];
  method: string;
  target?: Target;
  details: string[];
  cpu?: CpuShare;
  /** not measured: why (value is NaN). */
  notMeasured?: string;
}

export function targetMet(figure: Figure): boolean | undefined {
  if (figure.target === undefined || !Number.isFinite(figure.value)) return undefined;
  return figure.target.kind === 'min' ? figure.value >= figure.target.value : figure.value < figure.target.value;
}

export function notMeasured(id: string, label: string, unit: string, reason: string, target?: Target): Figure {
  return { id, label, value: Number.NaN, unit, runs: [], method: 'not measured', details: [], notMeasured: reason, ...(target === undefined ? {} : { target }) };
}

/** Runs `work` with the machine's CPU split recorded over it, and attaches that split to its figure. */
export async function measured(monitor: CpuMonitor, work: () => Promise<Figure>): Promise<Figure> {
  monitor.begin();
  const figure = await work();
  const cpu = monitor.end();
  return cpu === undefined ? figure : { ...figure, cpu };
}
