// Types of tools/portal-size.mjs (plain JS: tools/build.mjs imports it without a TypeScript step).
export interface InitialJsReport {
  files: { fileName: string; gzipBytes: number }[];
  totalGzipBytes: number;
}
export const INITIAL_JS_BUDGET_BYTES: number;
export function initialJs(output: readonly { type: string; fileName: string; isEntry?: boolean; imports?: string[] }[], dir: string): InitialJsReport;
export function checkInitialJs(report: InitialJsReport, budgetBytes?: number): string[];
