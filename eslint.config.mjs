import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  { ignores: ['.next/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'next-env.d.ts'] },
  // `const { omitted, ...rest } = value` is how we drop a field from an object.
  { rules: { '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }] } },
  // Links load their page when followed, not when they scroll into view (docs/decisions/0011).
  {
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: ['components/link.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use @/components/link, which does not prefetch.' }] }],
    },
  },
];

export default config;
