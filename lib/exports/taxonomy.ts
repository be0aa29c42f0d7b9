import type { RoomKind } from '@/db/schema';
import { uuidV5 } from './uuid';

/**
 * The features an Open Referral client may filter shelters by (`taxonomy_term_id`), as one small
 * taxonomy of our own: the established ones (Open Eligibility, 211 LA) have no term for "a women's
 * dorm" or "takes pets", which are what a person in transit asks first. Ids are name-based, so a
 * client may keep them from one fetch to the next.
 */
export const TAXONOMY = {
  id: uuidV5('taxonomy:waystation-shelter-features'),
  name: 'Waystation shelter features',
  description: 'What a shelter of a Waystation network offers: its kinds of room and whom it accepts.',
};

export type FeatureCode = `room-${RoomKind}` | 'families' | 'pets' | 'wheelchair';

const TERM_TEXT: Record<FeatureCode, [name: string, description: string]> = {
  'room-men': ["Men's dorm", 'Has a dorm for men with a bed in service.'],
  'room-women': ["Women's dorm", 'Has a dorm for women with a bed in service.'],
  'room-family': ['Family room', 'Has a room for a family with children.'],
  'room-mixed': ['Shared room', 'Has a room shared by men and women.'],
  families: ['Families with children', 'Accepts families with children.'],
  pets: ['Pets', 'Accepts guests with pets.'],
  wheelchair: ['Wheelchair access', 'Can be reached and used in a wheelchair.'],
};

export type TaxonomyTerm = {
  id: string;
  code: FeatureCode;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: 'en';
};

export function termOf(code: FeatureCode): TaxonomyTerm {
  const [name, description] = TERM_TEXT[code];
  return {
    id: uuidV5(`taxonomy_term:${code}`),
    code,
    name,
    description,
    taxonomy: TAXONOMY.name,
    taxonomy_id: TAXONOMY.id,
    language: 'en',
  };
}

export const ALL_TERMS = (Object.keys(TERM_TEXT) as FeatureCode[]).map(termOf);
