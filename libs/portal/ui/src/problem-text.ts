// A problem as the portal shows it, in the portal's language: the sentence of its `code` (every code
// of docs/API.md §16 has one, with what the problem carries, e.g. `available`), the server's
// sentences translated by pattern (server-text.ts), and the server's own text for anything unknown.
import type { Problem } from '@billing/portal-api-client';
import type { TFunction } from 'i18next';
import { formatDecimal } from './number-format.js';
import { translateServerText } from './server-text.js';

/** How one language says problems: `t` of the `ui` namespace and the language's tag. */
export interface ProblemLanguage {
  t: TFunction;
  locale: string;
}

export interface ProblemText {
  title: string;
  /** more than the title says; undefined when the title says it all. */
  detail: string | undefined;
}

/** The problem's members a code's sentence may name, written in the language (amounts as decimals). */
function values(problem: Problem, locale: string): Record<string, string> {
  const available = (problem as { available?: unknown }).available;
  return typeof available === 'string' ? { available: formatDecimal(available, locale) } : { available: '' };
}

/** The sentence of the problem's code in the language, or null for a code the portal does not know. */
export function problemCodeText(problem: Problem, { t, locale }: ProblemLanguage): string | null {
  const key = `problemCode.${problem.code}`;
  if (!t(key, { defaultValue: '' })) return null;
  return t(key, { ...values(problem, locale), interpolation: { escapeValue: false } });
}

/** A server sentence in the language (by pattern), or as the server wrote it. */
export function serverMessageText(message: string, { t, locale }: ProblemLanguage): string {
  return translateServerText(message, t, locale) ?? message;
}

/**
 * Title: the code's sentence (the server's title for an unknown code). Detail: the server's detail
 * translated by pattern; else as written when the portal speaks the server's language (English) or
 * the code is unknown; else nothing (the code's sentence says it in the reader's language).
 */
export function problemText(problem: Problem, language: ProblemLanguage): ProblemText {
  const codeText = problemCodeText(problem, language);
  const title = codeText ?? problem.title;
  const detail = problem.detail;
  if (detail === undefined || detail === '') return { title, detail: undefined };
  const translated = translateServerText(detail, language.t, language.locale);
  if (translated !== null) return { title, detail: translated };
  const english = language.locale.toLowerCase().startsWith('en');
  return { title, detail: codeText === null || (english && detail !== title) ? detail : undefined };
}

/** The problem in one sentence (for the input it is about): its detail if it has more to say, else the title. */
export function problemSentence(problem: Problem, language: ProblemLanguage): string {
  const { title, detail } = problemText(problem, language);
  return detail ?? title;
}
