// The layers of docs/architecture.md, checked by `npm run lint` (decisions 0015 and 0020). Each rule says why.

/*
 * Each lib/ module's public face: the files that pages, actions, scripts and other modules may
 * import. Everything else in the module is its own business, free to change. A list rather than an
 * index.ts that re-exports it: 15 of the modules call one another, and re-exporting through an
 * index.ts turned those calls into 243 import cycles (decision 0020). A new file is private until it
 * is added here.
 */
const FACES = {
  audit: ['index'],
  'audit-trail': ['audit-page', 'kinds', 'words'],
  auth: [
    'action',
    'client-address',
    'common-passwords',
    'current-user',
    'header-view',
    'idle',
    'idle-setting',
    'index',
    'locale-cookie',
    'origin',
    'password',
    'password-length',
    'policy',
    'request-client',
    'second-factor',
    'settings-page',
    'sign-in',
    'staff',
    'totp',
  ],
  calendar: ['days', 'nights', 'zones'],
  cities: ['choice', 'cities', 'clock', 'household', 'likely-city', 'manage', 'public', 'scope'],
  exports: ['hsds', 'read', 'respond', 'services-query'],
  forecast: ['forecast-view', 'load', 'maths', 'view'],
  'guest-link': ['guest-said', 'late-hold', 'link-throttle', 'locale', 'page-data', 'saved-copy', 'status'],
  households: ['draft', 'filters', 'intake', 'intake-page', 'landing', 'mistaken', 'placement-page', 'queries', 'queue-page', 'views'],
  i18n: [
    'accept-language',
    'arrival/en.json',
    'arrival/ru.json',
    'arrival/tr.json',
    'arrival/uk.json',
    'client-messages',
    'locales',
    'messages/en.json',
    'public/en.json',
    'public/ru.json',
    'public/tr.json',
    'public/uk.json',
    'server',
    'request',
    'share',
    'translated-name',
  ],
  matching: ['differences', 'exclusion-text', 'plan', 'safe-rooms', 'suggest', 'types'],
  'meeting-points': ['distance', 'guest', 'household', 'manage', 'meeting-points-page', 'points'],
  nights: ['closures', 'door', 'ledger', 'overdue', 'stay-dates', 'stay-stamps', 'wanted'],
  notices: ['access', 'limits', 'live', 'notices-page', 'post', 'withdraw'],
  occupancy: [
    'ahead-page',
    'area',
    'csv',
    'export-rows',
    'free-tonight',
    'history',
    'history-page',
    'hxl',
    'kind',
    'maths',
    'now',
    'overview-page',
    'range',
    'rollup',
    'scope',
    'sort',
    'summary',
    'unmet',
  ],
  placement: [
    'availability',
    'batch',
    'batch-links',
    'batch-view',
    'city-places',
    'city-rule',
    'dates',
    'expiry',
    'layout',
    'links',
    'one-more-night',
    'read',
    'reserve',
    'share',
    'stays',
  ],
  offers: ['checklist', 'erase', 'offer-page', 'own-offer', 'own-page', 'queue-page', 'queue-query', 'submit-offer', 'vetting'],
  privacy: ['forget', 'retention', 'shares'],
  requests: [
    'expected-wait',
    'flood-view',
    'form-guard',
    'public-list',
    'request-link',
    'self-register',
    'settings',
    'source-network',
    'throttle',
    'used-stamps',
    'wait-inputs',
  ],
  security: ['guard', 'headers', 'rate-limits'],
  shelters: [
    'bed-conflicts',
    'bed-state',
    'board',
    'calendar',
    'calendar-page',
    'closures',
    'day',
    'late-arrivals',
    'list-page',
    'needs',
    'profile',
    'profile-page',
    'room-names',
    'rooms',
    'rooms-page',
    'shelter-page',
  ],
  staff: ['accounts', 'invitations', 'scope', 'second-factor', 'staff-page'],
  validation: [
    'arrival',
    'batch',
    'city',
    'common',
    'guest-said',
    'meeting-point',
    'need',
    'notice',
    'offer',
    'request',
    'shelter',
    'shelter-options',
    'staff',
  ],
};

const faceRules = Object.entries(FACES).map(([module, files]) => ({
  name: `face-of-lib/${module}`,
  comment: `Outside lib/${module}/, import only its public face (FACES in .dependency-cruiser.cjs): ${files.join(', ') || 'nothing'}.`,
  severity: 'error',
  from: { pathNot: `^lib/${module}/` },
  to: {
    path: `^lib/${module}/`,
    pathNot: `^lib/${module}/(${files.map((file) => file.replace(/[.]/g, '\\.')).join('|')})(|\\.ts|\\.tsx)$`,
  },
}));

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
    {
      name: 'components-render-views',
      comment:
        'A component renders the view its page’s loader made (decision 0019); it never opens the database, ' +
        'so what it shows is what the loader chose for that caller.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^db/index\\.ts$' },
    },
    ...faceRules,
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

// Not a setting of dependency-cruiser's (it would refuse one it does not know): tests/unit/layers.test.ts reads it.
Object.defineProperty(module.exports, 'faces', { value: FACES, enumerable: false });
