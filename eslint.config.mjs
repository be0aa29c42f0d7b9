import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'next-env.d.ts'] },
  // `const { omitted, ...rest } = value` is how we drop a field from an object.
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }] } },
  // Links load their page when followed, not when they scroll into view (docs/decisions/0011); server
  // components translate through lib/i18n/server.ts, which keeps the Intl objects for the process.
  {
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['components/link.tsx', 'lib/i18n/server.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'next/link', message: 'Use @/components/link, which does not prefetch.' },
            {
              name: 'next-intl/server',
              importNames: ['getTranslations', 'getFormatter'],
              message: 'Use @/lib/i18n/server, which keeps Intl objects and parsed messages for the process.',
            },
          ],
        },
      ],
    },
  },
  // Plain SQL is written with `statement()` or Drizzle's `sql` over schema columns, so a renamed
  // column fails the typecheck (docs/decisions/0017). Only migrations and their frozen backfills,
  // which must not follow today's schema, prepare text of their own.
  {
    files: ['app/**', 'components/**', 'lib/**', 'scripts/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/][callee.object.property.name='$client']",
          message: 'Write SQL with statement() from @/db/prepared or db.all(sql`…`) over schema columns.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|exec)$/][callee.object.name=/^(client|sqlite)$/]',
          message: 'Write SQL with statement() from @/db/prepared or db.all(sql`…`) over schema columns.',
        },
      ],
    },
  },
];

export default config;
