import { describe, expect, it } from 'vitest';
import { languageName } from './languages';

describe('languageName', () => {
  it('says a language in its own name, an unknown code as it is', () => {
    expect(languageName('pt-BR')).toBe('Português (Brasil)');
    expect(languageName('en')).toBe('English');
    expect(languageName('fr')).toBe('fr');
  });
});
