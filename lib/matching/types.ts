import type { RoomKind, ShelterStatus } from '@/db/schema/enums';

export type Household = {
  adultMen: number;
  adultWomen: number;
  children: number;
  languages: string[];
  needsWheelchair: boolean;
  hasPet: boolean;
};

export type FreeBed = { id: string; label: string };

export type RoomAvailability = { id: string; name: string; kind: RoomKind; accessible: boolean; freeBeds: FreeBed[] };

/** What the matcher needs to know of a shelter tonight: its rules and its free in-service beds. */
export type ShelterAvailability = {
  id: string;
  name: string;
  district: string;
  status: ShelterStatus;
  acceptsFamilies: boolean;
  acceptsPets: boolean;
  wheelchairAccessible: boolean;
  languages: string[];
  lastConfirmedAt: Date | null;
  inServiceBeds: number;
  rooms: RoomAvailability[];
};

export type PlannedBed = { roomId: string; roomName: string; bedId: string; label: string };

export const householdSize = (h: Pick<Household, 'adultMen' | 'adultWomen' | 'children'>) => h.adultMen + h.adultWomen + h.children;
