// Markdown for a suite's figures: the summary table against targets, then each figure's runs,
// method and facts, then the suite's hand-written analysis file if it exists.
import { existsSync, readFileSync } from 'node:fs';
import { describeCpu } from '../report.js';
import { formatRate } from '../stats.js';
import { targetMet, type Figure } from './figures.js';

function metCell(figure: Figure): string {
  const met = targetMet(figure);
  return met === undefined ? 'n/a' : met ? '**yes**' : '**no**';
}

function valueCell(figure: Figure): string {
  if (figure.notMeasured !== undefined) return 'not measured';
  return `${figure.unit === 'ms' ? figure.value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : formatRate(figure.value)} ${figure.unit}`;
}

/** A table cell: a `|` (even inside a code span) would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

export function summaryTable(figures: readonly Figure[]): string[] {
  return [
    '| measurement | result | target | met |',
    '|---|---:|---|---|',
    ...figures.map((f) => `| ${cell(f.label)} | ${valueCell(f)} | ${cell(f.target?.text ?? '—')} | ${metCell(f)} |`),
  ];
}

export function figureDetails(figure: Figure): string[] {
  const lines = [`### ${figure.label}`, ''];
  if (figure.notMeasured !== undefined) return [...lines, `Not measured: ${figure.notMeasured}`, ''];
  const runs = figure.runs.length > 1 ? ` (runs: ${figure.runs.map(formatRate).join(', ')})` : '';
  lines.push(`- **${valueCell(figure)}**, ${figure.method}${runs}.`);
  for (const detail of figure.details) lines.push(`- ${detail}`);
  if (figure.cpu) lines.push(`- CPU while measured: ${describeCpu(figure.cpu)}`);
  lines.push('');
  return lines;
}

export function analysisOf(file: string): string[] {
  return existsSync(file) ? [readFileSync(file, 'utf8').trim(), ''] : [];
}
