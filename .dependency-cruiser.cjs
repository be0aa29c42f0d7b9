// The layers of docs/architecture.md, checked by `npm run lint` (decision 0015). Each rule says why.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one: neither can be read, tested or changed alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'db-is-schema-connection-migrations',
      comment:
        'db/ holds the schema, the connection and migrations. A backfill is frozen with its migration, so it ' +
        'imports nothing from lib/: a change to today’s domain code must not change what an old upgrade does.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(lib|app|components|scripts|tests)/' },
    },
    {
      name: 'lib-is-plain-domain-code',
      comment: 'lib/ is plain TypeScript that pages, actions, scripts and tests call; it never reaches back into them.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(app|components|scripts|tests)/' },
    },
    {
      name: 'components-take-actions-as-props',
      comment:
        'A component gets the server actions it needs from its route, so it imports nothing from app/ and ' +
        'can be rendered alone (tests/components).',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.next|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    // Type-only imports count: a cycle through types still binds two modules together.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
