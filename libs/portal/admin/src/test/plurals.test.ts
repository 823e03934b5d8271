// Every count message of the admin pages has its plural forms in both languages (i18next picks
// `_one`/`_other`, and Spanish `_many` from a million on), and none writes "(s)" instead.
import { describe, expect, it } from 'vitest';
import { adminTranslations } from '../translations';

function flatten(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => flatten(value, prefix === '' ? key : `${prefix}.${key}`));
}

const FORMS = { en: ['one', 'other'], es: ['one', 'many', 'other'] } as const;

describe('admin count messages', () => {
  for (const language of ['en', 'es'] as const) {
    const messages = flatten(adminTranslations[language]);
    it(`${language}: no "(s)" / "(es)" plural stand-ins`, () => {
      expect(messages.filter(([, text]) => /\w\((s|es|as)\)/.test(text))).toEqual([]);
    });
    it(`${language}: every plural key has all its forms`, () => {
      const keys = new Set(messages.map(([key]) => key));
      const bases = new Set([...keys].flatMap((key) => { const match = /^(.*)_(zero|one|two|few|many|other)$/.exec(key); return match?.[1] === undefined ? [] : [match[1]]; }));
      const missing = [...bases].flatMap((base) => FORMS[language].map((form) => `${base}_${form}`).filter((key) => !keys.has(key)));
      expect(missing).toEqual([]);
    });
  }
});
