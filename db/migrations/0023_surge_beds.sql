ALTER TABLE `beds` ADD `surge_kind` text;--> statement-breakpoint
ALTER TABLE `beds` ADD `surge_first_night` text;--> statement-breakpoint
ALTER TABLE `beds` ADD `surge_last_night` text;--> statement-breakpoint
-- hand-written below
-- A surge bed (decision 0026) has a kind and its first and last night, or none of the three is set.
CREATE TRIGGER `beds_surge_rules` BEFORE INSERT ON `beds`
  WHEN NOT ((new.surge_kind IS NULL AND new.surge_first_night IS NULL AND new.surge_last_night IS NULL)
         OR (new.surge_kind IN ('mat', 'sofa', 'other') AND new.surge_first_night IS NOT NULL AND new.surge_last_night >= new.surge_first_night))
BEGIN
  SELECT RAISE(ABORT, 'surge_invalid');
END;
--> statement-breakpoint
CREATE TRIGGER `beds_surge_rules_changed` BEFORE UPDATE OF `surge_kind`, `surge_first_night`, `surge_last_night` ON `beds`
  WHEN NOT ((new.surge_kind IS NULL AND new.surge_first_night IS NULL AND new.surge_last_night IS NULL)
         OR (new.surge_kind IN ('mat', 'sofa', 'other') AND new.surge_first_night IS NOT NULL AND new.surge_last_night >= new.surge_first_night))
BEGIN
  SELECT RAISE(ABORT, 'surge_invalid');
END;
--> statement-breakpoint
-- The ledger books a surge bed only on its own nights, whatever a check before concluded: the same
-- promise as the bed-night key (decision 0002), one level down.
CREATE TRIGGER `bed_nights_surge_night` BEFORE INSERT ON `bed_nights`
  WHEN EXISTS (SELECT 1 FROM beds b WHERE b.id = new.bed_id AND b.surge_kind IS NOT NULL
                 AND (new.night < b.surge_first_night OR new.night > b.surge_last_night))
BEGIN
  SELECT RAISE(ABORT, 'surge_night');
END;
--> statement-breakpoint
CREATE TRIGGER `bed_nights_surge_night_changed` BEFORE UPDATE ON `bed_nights`
  WHEN EXISTS (SELECT 1 FROM beds b WHERE b.id = new.bed_id AND b.surge_kind IS NOT NULL
                 AND (new.night < b.surge_first_night OR new.night > b.surge_last_night))
BEGIN
  SELECT RAISE(ABORT, 'surge_night');
END;
--> statement-breakpoint
-- Ending a surge bed early, or making a regular bed a surge bed, never strands a booked night.
CREATE TRIGGER `beds_surge_nights_booked` BEFORE UPDATE OF `surge_kind`, `surge_first_night`, `surge_last_night` ON `beds`
  WHEN new.surge_kind IS NOT NULL AND EXISTS (SELECT 1 FROM bed_nights bn WHERE bn.bed_id = new.id
                 AND (bn.night < new.surge_first_night OR bn.night > new.surge_last_night))
BEGIN
  SELECT RAISE(ABORT, 'surge_night');
END;
