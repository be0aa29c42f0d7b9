/**
 * The kinds of event an admin filters by, in the words of their work rather than by action name: each
 * is the actions whose names start with one of its prefixes.
 */
const PREFIXES = {
  bookings: ['stay.', 'link.'],
  households: ['arrival.', 'household.', 'request_link.'],
  shelters: ['shelter.', 'room.', 'bed.', 'notice.'],
  staff: ['user.', 'invitation.'],
  settings: ['city.', 'network.', 'meetingPoint.'],
  offers: ['offer.', 'home.'],
  exports: ['occupancy.'],
} as const;

export type AuditKind = keyof typeof PREFIXES;
export const AUDIT_KINDS = Object.keys(PREFIXES) as AuditKind[];
export const kindPrefixes = (kind: AuditKind): readonly string[] => PREFIXES[kind];
