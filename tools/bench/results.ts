// The shapes the scenarios return and the report renders.
import type { CpuShare } from './cpu-monitor.js';

export interface Target {
  /** minimum events/s for ours */
  minPerSecond: number;
  /** minimum ours/Emmett ratio */
  minRatio: number;
}

export interface StoreResult {
  key: string;
  label: string;
  /** events/s of each timed run, in run order. */
  runs: number[];
  /** the reported figure: median of runs. */
  median: number;
  /** how the figure was obtained when it is not plain "median of full runs". */
  method?: string;
  /** free-form facts shown under the table (latency percentiles, load rate, …). */
  details: string[];
  /** CPU per event during the timed runs (µs); postgres undefined when the server is external. */
  cpuPerEvent?: { nodeMicros: number; postgresMicros: number | undefined };
  /** a prototype in tools/bench/experiments (not the adapter): kept out of the summary table. */
  experimental?: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** what exactly is measured, for the report. */
  description: string;
  results: StoreResult[];
  /** key of the Emmett result the ratios divide by. */
  baselineKey: string;
  /** key of the result judged against the target. */
  primaryKey: string;
  target: Target;
  notes: string[];
  /** CPU use on the machine while the scenario ran (set by the runner). */
  cpu?: CpuShare;
}
