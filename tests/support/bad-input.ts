import fc from 'fast-check';

/**
 * Generators of hostile form posts. A form is described by its fields' wire names (`bedIds[]` for a
 * list) with a valid value and a kind; a generated post keeps, drops, duplicates or garbles each
 * field, adds unexpected ones, and always breaks one "killer" field in a way its kind never accepts,
 * so that the whole post is invalid and must write nothing.
 */
export type Kind =
  | 'id' // must name an existing row
  | 'text' // required text with a length limit
  | 'number' // a number within a range that excludes -1, 1.5 and 10^9
  | 'enum' // one of a few words
  | 'list' // a `name[]` list
  | 'email'
  | 'clock' // HH:MM
  | 'date' // a calendar day YYYY-MM-DD that exists
  | 'optionalDate' // the same, or nothing
  | 'free'; // optional: anything may be fine, so never the killer
export type Field = { kind: Kind; valid: string | string[] };
export type Fields = Record<string, Field>;
export type Entry = [name: string, value: string | Blob];

const SQLISH = [
  "'; DROP TABLE stays; --",
  "x' OR '1'='1",
  '" UNION SELECT password_hash FROM users --',
  'select * from users where 1=1',
  "insert into users (id) values ('x')",
  "%' AND 1=(SELECT COUNT(*) FROM sqlite_master) --",
];
const ODD = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  '\u0007\b',
  '\r\n\r\n',
  '\u001b[31m',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '../../etc/passwd',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
];
const NUMBERISH = [
  '-1',
  '0',
  '-0',
  '1e400',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '1_000',
  '١٢٣',
  '１２',
  '9007199254740993',
  '1.5',
  '1,5',
];

/** Between 5 000 and 200 000 characters: beyond every limit the app sets. */
export const huge = fc
  .tuple(fc.integer({ min: 5_000, max: 200_000 }), fc.constantFrom('x', 'Я', '9', '<', '🏳️‍🌈', "'"))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

export const junk: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.constantFrom(...SQLISH, ...ODD), weight: 3 },
  {
    arbitrary: fc.oneof(fc.integer().map(String), fc.double().map(String), fc.bigInt().map(String), fc.constantFrom(...NUMBERISH)),
    weight: 2,
  },
  { arbitrary: huge, weight: 1 },
);
/** An id that names nothing: random, or crafted to look like SQL. */
const missingId = fc.oneof(
  fc.base64String({ minLength: 16, maxLength: 16 }).map((s) => s.replace(/=/g, 'A')),
  fc.constantFrom(...SQLISH),
);
const file = fc.constant(new Blob(['%PDF-1.4 not a form field'], { type: 'application/pdf' }));
const scalar = fc.oneof(junk, file);

const base = (name: string) => name.replace(/\[\]$/, '');
const entries = (name: string, value: string | string[]): Entry[] => [value].flat().map((v) => [name, v]);

/** Each kind's refusals: a value (or a shape) the field never accepts. */
function killerOf(name: string, field: Field): fc.Arbitrary<Entry[]> {
  const missing = fc.constant<Entry[]>([]);
  const asList = fc.array(junk, { minLength: 1, maxLength: 3 }).map((values) => entries(`${name}[]`, values));
  const one = (arb: fc.Arbitrary<string | Blob>) => arb.map((value): Entry[] => [[name, value]]);
  const blank = one(fc.constantFrom('', ' ', '\t\n \u00a0'));
  switch (field.kind) {
    case 'id':
      return fc.oneof(missing, blank, one(huge), asList, one(file), one(missingId));
    case 'text':
      return fc.oneof(missing, blank, one(huge), asList, one(file));
    case 'number':
      return fc.oneof(
        missing,
        one(fc.constantFrom('abc', '-1', '1.5', '1000000000', 'Infinity', '1e400', '0x1g', '12abc')),
        one(huge),
        one(file),
      );
    case 'enum':
      return fc.oneof(
        missing,
        one(fc.constantFrom('superuser', 'ADMIN', 'admin ', ' open', 'Europe/London', ...SQLISH)),
        one(huge),
        asList,
        one(file),
      );
    case 'email':
      return fc.oneof(
        missing,
        blank,
        one(fc.constantFrom('not-an-email', '@x.test', 'a@', 'a b@x.test', '<script>@x.test')),
        one(huge),
        asList,
        one(file),
      );
    case 'clock':
      return fc.oneof(missing, one(fc.constantFrom('24:00', '9:00', '12:60', 'noon', '12:00:00', '-1:00')), one(huge), asList, one(file));
    case 'date':
    case 'optionalDate': {
      const wrong = one(
        fc.constantFrom('2026-02-30', '2026-13-01', '2026-12-1', 'tomorrow', '01.12.2026', '2026-12-01T10:00', '+2026-12-01', ...SQLISH),
      );
      return field.kind === 'date' ? fc.oneof(missing, blank, wrong, one(huge), asList, one(file)) : fc.oneof(wrong, one(huge), asList);
    }
    case 'list': {
      const valid = [field.valid].flat();
      return fc.oneof(
        // A single value where a list belongs.
        fc.constant<Entry[]>([[base(name), valid[0] ?? 'x']]),
        // Far too many entries.
        fc.constant(
          entries(
            name,
            Array.from({ length: 60 }, (_, i) => valid[i % Math.max(1, valid.length)] ?? `x${i}`),
          ),
        ),
        // One entry no list accepts.
        huge.map((bad) => entries(name, [...valid, bad])),
      );
    }
    case 'free':
      throw new Error(`${name} is optional and cannot make a post invalid`);
  }
}

/** Anything at all for one field: kept, dropped, doubled, garbled, or sent as a list or a file. */
function anyOf(name: string, field: Field): fc.Arbitrary<Entry[]> {
  return fc.oneof(
    { arbitrary: fc.constant(entries(name, field.valid)), weight: 4 },
    { arbitrary: fc.constant<Entry[]>([]), weight: 1 },
    { arbitrary: scalar.map((value): Entry[] => [[name, value]]), weight: 2 },
    {
      arbitrary: fc.tuple(junk, junk).map(([a, b]): Entry[] => [
        [base(name), a],
        [base(name), b],
      ]),
      weight: 1,
    },
    { arbitrary: fc.array(junk, { maxLength: 3 }).map((values) => entries(`${base(name)}[]`, values)), weight: 1 },
  );
}

const TRICKY_NAMES = [
  '__proto__',
  '__proto__[]',
  'constructor',
  'constructor[]',
  'toString',
  'hasOwnProperty[]',
  '$ACTION_ID_0',
  '$ACTION_REF_1',
  'id',
  'role',
  'status',
  'userId',
  'data',
  '',
  '[]',
  'a[b]',
  '\u0000',
];

/** Fields the form does not have: odd names that may upset a naive parser, with any value. */
function extras(known: string[]): fc.Arbitrary<Entry[]> {
  const name = fc.oneof(fc.constantFrom(...TRICKY_NAMES), fc.string({ maxLength: 20 })).filter((n) => !known.includes(base(n)));
  return fc.array(fc.tuple(name, scalar), { maxLength: 4 });
}

/** Posts for a form that are always invalid (when it has a killer-eligible field) and otherwise anything. */
export function badPosts(fields: Fields): fc.Arbitrary<{ entries: Entry[]; killer: string | null }> {
  const names = Object.keys(fields);
  const eligible = names.filter((name) => fields[name].kind !== 'free');
  const known = names.map(base);
  const killer = eligible.length ? fc.constantFrom(...eligible) : fc.constant(null);
  return killer.chain((k) =>
    fc
      .tuple(fc.tuple(...names.map((name) => (name === k ? killerOf(name, fields[name]) : anyOf(name, fields[name])))), extras(known))
      .map(([parts, extra]) => ({ entries: [...parts.flat(), ...extra], killer: k })),
  );
}

export function toFormData(list: Entry[]): FormData {
  const data = new FormData();
  for (const [name, value] of list) data.append(name, value);
  return data;
}

/** Signs of an internal error reaching the user: a stack frame, a source path, SQL or a driver code. */
export const LEAK_PATTERNS = [
  /\n\s+at /,
  /\bat \S+ \(/,
  /\.[jt]sx?:\d+/,
  /node_modules/,
  /SQLITE/i,
  /\bselect\s[^<>]{0,200}?\bfrom\s/i,
  /\binsert into\b/i,
  /\bupdate \S+ set\b/i,
  /constraint failed/i,
  /no such (table|column)/i,
  /Failed query/i,
  /TypeError|ReferenceError|RangeError|ZodError/,
];

export function leaks(text: string): RegExp[] {
  return LEAK_PATTERNS.filter((pattern) => pattern.test(text));
}
