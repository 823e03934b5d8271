/// <reference types="node" />
// (this test reads docs/API.md from the repository: Vitest runs it in Node, whatever the page environment)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from './i18n/en.json';
import es from './i18n/es.json';
import { problemFieldErrors } from './problem';
import { problemSentence, problemText, serverMessageText, type ProblemLanguage } from './problem-text';
import { SERVER_TEXT_KEYS } from './server-text';

// the reference the codes come from: a new code documented there without a sentence fails here (read as a
// file: the module-boundaries lint refuses an import of a path outside the lib)
// (jsdom's import.meta.url is not a file URL: the repository is found from the run's directory, ≤ 4 levels up)
function readApiDoc(): string {
  let dir = process.cwd();
  for (let level = 0; level <= 4; level += 1, dir = path.dirname(dir)) {
    const file = path.join(dir, 'docs', 'API.md');
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`docs/API.md not found above ${process.cwd()}`);
}
const api = readApiDoc();

const i18n = i18next.createInstance();
let english: ProblemLanguage;
let spanish: ProblemLanguage;
beforeAll(async () => {
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { ui: en }, es: { ui: es } }, ns: ['ui'], defaultNS: 'ui', interpolation: { escapeValue: false } });
  english = { t: i18n.getFixedT('en', 'ui') as TFunction, locale: 'en' };
  spanish = { t: i18n.getFixedT('es', 'ui') as TFunction, locale: 'es' };
});

const problem = (code: string, more: Record<string, unknown> = {}) => ({ type: `urn:itc-billing:problem:${code}`, title: code, status: 422, code, ...more });

/** The codes of docs/API.md §16 (its table's `code`s; `errors` is a member, not a code). */
function documentedCodes(): string[] {
  const section = api.slice(api.indexOf('## 16. Problem codes'));
  const codes = new Set([...section.matchAll(/`([a-z][a-z0-9_]*)`/g)].map((m) => m[1]!));
  codes.delete('errors');
  return [...codes];
}

describe('problem codes', () => {
  it('every code of docs/API.md §16 has an English and a Spanish sentence', () => {
    const codes = documentedCodes();
    expect(codes.length).toBeGreaterThan(100);
    const problemCode = (texts: { problemCode: Record<string, string> }) => texts.problemCode;
    const missing = codes.filter((code) => !problemCode(en)[code] || !problemCode(es)[code]);
    expect(missing).toEqual([]);
    // and Spanish is not English left in place
    expect(codes.filter((code) => problemCode(en)[code] === problemCode(es)[code])).toEqual([]);
  });

  it('says a code in the portal language, with what the problem carries', () => {
    const funds = problem('insufficient_funds', { detail: 'insufficient agent balance: 1234.5 available', available: '1234.5' });
    expect(problemText(funds, spanish)).toEqual({ title: 'No hay saldo suficiente: 1234,5 disponible.', detail: 'saldo insuficiente: 1234,5 disponible' });
    expect(problemText(funds, english)).toEqual({ title: 'Not enough money: 1,234.5 available.', detail: 'insufficient agent balance: 1234.5 available' });
  });

  // acceptance: the Spanish portal showed "The current password is not right; nothing was changed."
  it('shows a known code in Spanish without the English detail, and keeps the detail in English', () => {
    const wrong = problem('wrong_current_password', { title: 'Wrong current password', detail: 'The current password is not right; nothing was changed.' });
    expect(problemText(wrong, spanish)).toEqual({ title: 'La contraseña actual no es correcta; no se cambió nada.', detail: undefined });
    expect(problemSentence(wrong, english)).toBe('The current password is not right; nothing was changed.');
    const weak = problem('weak_password', { detail: 'password must be 10–128 characters' });
    expect(problemSentence(weak, spanish)).toBe('la contraseña debe tener de 10 a 128 caracteres');
    expect(problemSentence(problem('invalid_caller_id', { detail: 'caller ID must be an international number: + and 8 to 15 digits' }), spanish)).toBe(
      'el identificador de llamada debe ser un número internacional: + y de 8 a 15 dígitos',
    );
  });

  it('falls back to the server text for a code it does not know', () => {
    const unknown = problem('brand_new_rule', { title: 'Brand new rule', detail: 'something only the server knows' });
    expect(problemText(unknown, spanish)).toEqual({ title: 'Brand new rule', detail: 'something only the server knows' });
  });

  it('puts a code about one input next to it, in the language', () => {
    const limit = problem('credit_limit_above_agent_maximum', { detail: 'credit limit 900 is above the 500 ITC allows this agent to grant a customer' });
    expect(problemFieldErrors(limit, { credit_limit_above_agent_maximum: 'creditLimit' }, spanish)).toEqual({
      creditLimit: 'el límite de crédito 900 supera el máximo de 500 que ITC permite conceder a este agente',
    });
  });
});

describe('server sentences', () => {
  it('every pattern has an English and a Spanish text', () => {
    const texts = (language: { serverText: Record<string, string> }) => language.serverText;
    expect(SERVER_TEXT_KEYS.filter((key) => !texts(en)[key] || !texts(es)[key])).toEqual([]);
  });

  // the sentences of libs/gateway/src/validation/issues.ts, @billing/money and the domains' rules
  it.each([
    ['is required', 'es obligatorio'],
    ['unknown field', 'campo desconocido'],
    ['must be a whole number', 'debe ser un número entero'],
    ['must be at most 64 characters long', 'debe tener como máximo 64 caracteres'],
    ['must be at least 1 character long', 'debe tener al menos 1 caracteres'],
    ['must have at most 8 items', 'debe tener como máximo 8 elementos'],
    ['must be one of "prepaid", "postpaid"', 'debe ser uno de "prepaid", "postpaid"'],
    ['must be a decimal string like "12.50", got "1,5"', 'debe ser un número decimal como 12,50 (recibido: "1,5")'],
    ['must be greater than 0, got "0"', 'debe ser mayor que 0 (recibido: "0")'],
    ['must be greater than 2.5', 'debe ser mayor que 2,5'],
    ['must be at most 10000', 'debe ser como máximo 10.000'],
    ['must not exceed 1000000000', 'no debe superar 1.000.000.000'],
    ['must have at most 6 decimal places, got "1.1234567"', 'debe tener como máximo 6 decimales (recibido: "1.1234567")'],
    ['must be a whole number from 1 to 3600, got "sixty"', 'debe ser un número entero de 1 a 3600 (recibido: "sixty")'],
    ['must be 1 to 100 characters without surrounding spaces, got ""', 'debe tener de 1 a 100 caracteres, sin espacios al principio ni al final (recibido: "")'],
    ['must be an e-mail address', 'debe ser una dirección de correo'],
    ['must be at most 366 days after from', 'debe ser como máximo 366 días posterior a «desde»'],
    ['must be a whole number; unknown field', 'debe ser un número entero; campo desconocido'],
  ])('%s → %s', (message, spanishText) => {
    expect(serverMessageText(message, spanish)).toBe(spanishText);
  });

  it('keeps the English sentences as the server writes them', () => {
    expect(serverMessageText('must be a whole number from 1 to 3600, got "sixty"', english)).toBe('must be a whole number from 1 to 3600, got "sixty"');
    expect(serverMessageText('must not exceed 1000000000', english)).toBe('must not exceed 1000000000');
  });

  it('leaves a sentence no pattern knows as the server wrote it', () => {
    expect(serverMessageText('duplicate prefix "34": line 3 and line 9', spanish)).toBe('duplicate prefix "34": line 3 and line 9');
    expect(serverMessageText('is required; something new', spanish)).toBe('is required; something new');
  });

  it('translates the field errors of a validation problem', () => {
    const validation = problem('validation', { errors: [{ path: '/amount', message: 'must have at most 6 decimal places, got "1.1234567"' }] });
    expect(problemFieldErrors(validation, {}, spanish)).toEqual({ amount: 'debe tener como máximo 6 decimales (recibido: "1.1234567")' });
  });
});
