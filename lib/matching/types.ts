import type { RoomKind, ShelterStatus } from '@/db/schema/enums';
import type { DoorRules } from '@/lib/nights/door';

export type Household = {
  adultMen: number;
  adultWomen: number;
  children: number;
  languages: string[];
  needsWheelchair: boolean;
  hasPet: boolean;
};

/** A free bed; `surge`: a mat or sofa laid out for a few nights (decision 0026), offered after the room's beds. */
export type FreeBed = { id: string; label: string; surge?: boolean };

export type RoomAvailability = {
  id: string;
  name: string;
  kind: RoomKind;
  accessible: boolean;
  freeBeds: FreeBed[];
  /**
   * Of a mixed room: how many men are booked or staying in it on the nights asked for (read when a
   * household of women asks, lib/placement/room-company.ts); absent when not read.
   */
  menBooked?: number;
};

/**
 * What the matcher needs to know of a shelter for the nights asked for: its rules, the in-service beds
 * free on every one of those nights, and how many beds it has free night by night.
 */
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
  /** The longest stay it allows, in nights (null: no limit of its own). */
  longestNights?: number | null;
  /** When it lets people in, to tell whether tonight's door has closed. */
  door?: DoorRules;
  inServiceBeds: number;
  /** A private home (lib/homes): suggested after shelters unless the guide chooses otherwise. */
  home?: boolean;
  /** Night by night, the regular beds free and, apart, the surge beds free (decision 0026). */
  freeByNight?: { night: string; free: number; surge: number }[];
  rooms: RoomAvailability[];
};

export type PlannedBed = { roomId: string; roomName: string; bedId: string; label: string };

export const householdSize = (h: Pick<Household, 'adultMen' | 'adultWomen' | 'children'>) => h.adultMen + h.adultWomen + h.children;
