import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, POLICY, type Permission, type Target } from '@/lib/auth/policy';

// The policy written out by hand, permission by permission and caller by caller: a new permission
// without its row fails the first test, and a changed cell fails its own line.
const CALLERS = {
  admin: { id: 'admin', role: 'admin', cityIds: null, shelterIds: [] },
  cityAdmin: { id: 'city-admin', role: 'admin', cityIds: ['here'], shelterIds: [] },
  outAdmin: { id: 'out-admin', role: 'admin', cityIds: ['elsewhere'], shelterIds: [] },
  guide: { id: 'guide', role: 'guide', cityIds: null, shelterIds: [] },
  cityGuide: { id: 'city-guide', role: 'guide', cityIds: ['here'], shelterIds: [] },
  outGuide: { id: 'out-guide', role: 'guide', cityIds: ['elsewhere'], shelterIds: [] },
  host: { id: 'host', role: 'host', cityIds: null, shelterIds: ['shelter'] },
  otherHost: { id: 'other-host', role: 'host', cityIds: null, shelterIds: ['other'] },
} as const;
type Kind = keyof typeof CALLERS;
const KINDS = Object.keys(CALLERS) as Kind[];

const placed = { status: 'placed', erasedAt: null, cityId: 'here' };
const TARGETS = {
  anywhere: undefined,
  /** Something in the city "here". */
  here: { city: 'here' },
  /** Something in no city, or reaching every city (an all-city guide as the target of an admin's change). */
  nowhere: { city: null },
  shelter: { shelter: { id: 'shelter', cityId: 'here', status: 'open' } },
  pausedShelter: { shelter: { id: 'shelter', cityId: 'here', status: 'paused' } },
  waiting: { household: { status: 'waiting', erasedAt: null, cityId: 'here' }, stay: null },
  reservedByGuide: { household: placed, stay: { status: 'reserved', reservedBy: 'guide', shelterId: 'shelter' } },
  staying: { household: placed, stay: { status: 'checked_in', reservedBy: 'guide', shelterId: 'shelter' } },
} satisfies Record<string, Target | undefined>;
type On = keyof typeof TARGETS;

const ADMINS: Kind[] = ['admin', 'cityAdmin'];
const EVERYONE = KINDS;

const EXPECTED: Record<Permission, [On, Kind[]][]> = {
  'account.manage': [['anywhere', EVERYONE]],
  'network.configure': [
    ['anywhere', ['admin']],
    ['here', ['admin']],
  ],
  'city.create': [['anywhere', ['admin']]],
  'city.edit': [
    ['here', ADMINS],
    ['nowhere', ['admin']],
  ],
  'meetingPoint.edit': [['here', ADMINS]],
  'staff.manage': [
    ['here', ADMINS],
    ['nowhere', ['admin']],
  ],
  'audit.read': [
    ['anywhere', ['admin', 'cityAdmin', 'outAdmin']],
    ['here', ADMINS],
  ],
  'notice.post': [
    ['shelter', [...ADMINS, 'host']],
    ['here', ADMINS],
  ],
  'notice.postCity': [['here', ADMINS]],
  'shelter.create': [['here', ADMINS]],
  'shelter.view': [
    ['shelter', [...ADMINS, 'host', 'guide', 'cityGuide', 'outGuide']],
    ['pausedShelter', [...ADMINS, 'host']],
  ],
  'shelter.edit': [
    ['shelter', [...ADMINS, 'host']],
    ['pausedShelter', [...ADMINS, 'host']],
  ],
  'shelter.needs': [
    ['shelter', [...ADMINS, 'host']],
    ['pausedShelter', [...ADMINS, 'host']],
  ],
  'shelter.relocate': [['here', ADMINS]],
  'stay.checkIn': [['shelter', [...ADMINS, 'host']]],
  'stay.change': [
    ['reservedByGuide', [...ADMINS, 'guide', 'host']],
    ['staying', [...ADMINS, 'host']],
  ],
  'household.list': [
    ['anywhere', ['admin', 'cityAdmin', 'outAdmin', 'guide', 'cityGuide', 'outGuide']],
    ['here', [...ADMINS, 'guide', 'cityGuide']],
  ],
  'household.open': [
    ['waiting', [...ADMINS, 'guide', 'cityGuide']],
    ['reservedByGuide', [...ADMINS, 'guide', 'host']],
    ['staying', [...ADMINS, 'host']],
  ],
  'household.register': [['here', [...ADMINS, 'guide', 'cityGuide']]],
  'household.place': [
    ['waiting', [...ADMINS, 'guide', 'cityGuide']],
    ['reservedByGuide', [...ADMINS, 'guide']],
    ['here', [...ADMINS, 'guide', 'cityGuide']],
  ],
  'household.search': [['here', ['guide', 'cityGuide']]],
  'household.identify': [
    ['reservedByGuide', ['guide', 'host']],
    ['waiting', ['guide', 'cityGuide']],
  ],
  'household.contact': [['reservedByGuide', ['guide']]],
  'household.reveal': [['waiting', ADMINS]],
  'requests.watch': [['anywhere', ['admin', 'cityAdmin', 'outAdmin']]],
  // Hosts never see the offers' queue, of any city.
  'offer.list': [
    ['anywhere', ['admin', 'cityAdmin', 'outAdmin', 'guide', 'cityGuide', 'outGuide']],
    ['here', [...ADMINS, 'guide', 'cityGuide']],
  ],
  'offer.vet': [['here', [...ADMINS, 'guide', 'cityGuide']]],
  // A guest's word is read by the city's staff, of a paused home too; never by a host, whom it may be about.
  'stay.feedback': [
    ['anywhere', ['admin', 'cityAdmin', 'outAdmin', 'guide', 'cityGuide', 'outGuide']],
    ['pausedShelter', [...ADMINS, 'guide', 'cityGuide']],
  ],
  'occupancy.now': [['here', [...ADMINS, 'guide', 'cityGuide']]],
  'occupancy.history': [
    ['shelter', [...ADMINS, 'host']],
    ['anywhere', ['admin', 'cityAdmin', 'outAdmin', 'host', 'otherHost']],
  ],
  'occupancy.overview': [['anywhere', ['admin', 'cityAdmin', 'outAdmin']]],
};

describe('the policy', () => {
  it('has a row here for each of its permissions', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    for (const [on, allowed] of EXPECTED[permission] ?? []) {
      it(`${permission} on ${on}: ${allowed.join(', ')}`, () => {
        const may = KINDS.filter((kind) => can(CALLERS[kind], permission, TARGETS[on]));
        expect(may).toEqual(KINDS.filter((kind) => allowed.includes(kind)));
      });
    }
  }

  it('lets nobody open or act on a household that has left, withdrawn or been erased', () => {
    const gone = [
      { household: { ...placed, status: 'left' }, stay: null },
      { household: { ...placed, status: 'withdrawn' }, stay: null },
      { household: { ...placed, erasedAt: new Date(0) }, stay: TARGETS.staying.stay },
    ];
    for (const target of gone)
      for (const permission of ['household.open', 'household.place', 'stay.change', 'household.reveal'] as const)
        expect(KINDS.filter((kind) => can(CALLERS[kind], permission, target))).toEqual([]);
  });

  it('leaves a household of no city to staff of every city', () => {
    const target = { household: { status: 'waiting', erasedAt: null, cityId: null }, stay: null };
    expect(KINDS.filter((kind) => can(CALLERS[kind], 'household.open', target))).toEqual(['admin', 'guide']);
  });

  it('keeps a household in the city it is in now, wherever it was placed', () => {
    // Placed by an all-city guide in the shelter of "here", the household itself now in "elsewhere".
    const moved = { household: { ...placed, cityId: 'elsewhere' }, stay: TARGETS.reservedByGuide.stay };
    expect(KINDS.filter((kind) => can(CALLERS[kind], 'household.open', moved))).toEqual(['admin', 'outAdmin', 'guide', 'host']);
  });
});

/** The policy as docs/architecture.md shows it: one row per permission. */
function policyTable(): string {
  const rows = PERMISSIONS.map((permission) => {
    const cells = (['admin', 'guide', 'host'] as const).map((role) => (POLICY[permission] as Record<string, string>)[role] ?? '—');
    return `| \`${permission}\` | ${cells.join(' | ')} |`;
  });
  return ['| permission | admin | guide | host |', '|---|---|---|---|', ...rows].join('\n');
}

describe('docs/architecture.md', () => {
  it('shows the policy table as it is', () => {
    const doc = readFileSync(path.join(process.cwd(), 'docs/architecture.md'), 'utf8');
    const shown = /<!-- policy-table[^>]*-->\n([\s\S]*?)\n?<!-- \/policy-table -->/.exec(doc)?.[1].trim();
    expect(shown).toBe(policyTable());
  });
});
