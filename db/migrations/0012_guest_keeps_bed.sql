-- A guest checked in keeps their bed until the host checks them out, past their planned departure
-- too. The ledger (bed_nights) books a stay's nights up to its departure only, and the database has
-- no clock and no time zones, so it cannot tell a guest due out tomorrow from one overdue since
-- yesterday. The rule it can keep without a clock: while a checked-in stay holds a bed (stay_beds row
-- not released), no other stay may be booked into that bed or checked into it for any night from the
-- guest's first night on. A booking for the nights after a guest's planned departure therefore waits
-- until the host checks the guest out. Rows already present are not touched: a conflict from before
-- this migration stays visible (lib/nights/overdue.ts) until someone moves one of the stays.
CREATE TRIGGER `bed_nights_guest_in_bed` BEFORE INSERT ON `bed_nights`
  WHEN EXISTS (SELECT 1 FROM stay_beds sb JOIN stays s ON s.id = sb.stay_id
                WHERE sb.bed_id = new.bed_id AND sb.released_at IS NULL AND s.status = 'checked_in'
                  AND s.id <> new.stay_id AND new.night >= s.first_night)
BEGIN
  SELECT RAISE(ABORT, 'bed_occupied');
END;
--> statement-breakpoint
CREATE TRIGGER `bed_nights_guest_in_bed_changed` BEFORE UPDATE ON `bed_nights`
  WHEN EXISTS (SELECT 1 FROM stay_beds sb JOIN stays s ON s.id = sb.stay_id
                WHERE sb.bed_id = new.bed_id AND sb.released_at IS NULL AND s.status = 'checked_in'
                  AND s.id <> new.stay_id AND new.night >= s.first_night)
BEGIN
  SELECT RAISE(ABORT, 'bed_occupied');
END;
--> statement-breakpoint
CREATE TRIGGER `stay_beds_guest_in_bed` BEFORE INSERT ON `stay_beds`
  WHEN new.released_at IS NULL AND EXISTS (SELECT 1 FROM stay_beds sb JOIN stays s ON s.id = sb.stay_id
                WHERE sb.bed_id = new.bed_id AND sb.released_at IS NULL AND s.status = 'checked_in' AND s.id <> new.stay_id)
BEGIN
  SELECT RAISE(ABORT, 'bed_occupied');
END;
--> statement-breakpoint
CREATE TRIGGER `stays_check_in_guest_in_bed` BEFORE UPDATE OF `status` ON `stays`
  WHEN new.status = 'checked_in' AND old.status IS NOT 'checked_in' AND EXISTS (
    SELECT 1 FROM stay_beds mine
      JOIN stay_beds other ON other.bed_id = mine.bed_id AND other.released_at IS NULL AND other.stay_id <> mine.stay_id
      JOIN stays s ON s.id = other.stay_id
     WHERE mine.stay_id = new.id AND mine.released_at IS NULL AND s.status = 'checked_in')
BEGIN
  SELECT RAISE(ABORT, 'bed_occupied');
END;
