ALTER TABLE `shelters` ADD `updated_at` integer;--> statement-breakpoint
-- What the open data says of a shelter (its profile, rooms and beds) last changed at this time, so an
-- Open Referral client can ask for what changed since its last fetch (`modified_after`). Existing rows
-- start at the last confirmation, else their creation.
UPDATE `shelters` SET `updated_at` = coalesce(`last_confirmed_at`, `created_at`);
--> statement-breakpoint
-- SQLite's own clock, in epoch milliseconds like every other time here: the triggers below keep the
-- time right whichever code path wrote, which a column each writer must remember would not.
CREATE TRIGGER `shelter_updated` AFTER UPDATE ON `shelters` WHEN new.`updated_at` IS old.`updated_at` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_room_added` AFTER INSERT ON `rooms` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = new.shelter_id;
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_room_changed` AFTER UPDATE ON `rooms` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id IN (old.shelter_id, new.shelter_id);
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_room_removed` AFTER DELETE ON `rooms` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = old.shelter_id;
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_bed_added` AFTER INSERT ON `beds` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = (SELECT shelter_id FROM rooms WHERE id = new.room_id);
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_bed_changed` AFTER UPDATE OF `out_of_service_reason`, `room_id` ON `beds` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id IN (SELECT shelter_id FROM rooms WHERE id IN (old.room_id, new.room_id));
END;
--> statement-breakpoint
CREATE TRIGGER `shelter_updated_bed_removed` AFTER DELETE ON `beds` BEGIN
  UPDATE shelters SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) WHERE id = (SELECT shelter_id FROM rooms WHERE id = old.room_id);
END;
