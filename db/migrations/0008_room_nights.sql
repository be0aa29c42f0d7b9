CREATE TABLE `bed_layout` (
	`id` integer PRIMARY KEY NOT NULL,
	`stamp` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `room_nights` (
	`room_id` text NOT NULL,
	`night` text NOT NULL,
	`booked` integer NOT NULL,
	`checked_in` integer NOT NULL,
	`reserved` integer NOT NULL,
	PRIMARY KEY(`room_id`, `night`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `bed_nights_night`;--> statement-breakpoint
CREATE INDEX `bed_nights_by_night` ON `bed_nights` (`night`,`bed_id`,`stay_id`);
--> statement-breakpoint
INSERT INTO `bed_layout` (`id`, `stamp`) VALUES (1, lower(hex(randomblob(8))));
--> statement-breakpoint
-- room_nights counts bed_nights per room and night, filled here from the ledger as it stands and kept
-- from now on by the triggers below; bed_layout's stamp changes with any change to rooms or beds.
INSERT INTO `room_nights` (`room_id`, `night`, `booked`, `checked_in`, `reserved`)
  SELECT b.room_id, bn.night, count(*), sum(s.status = 'checked_in'), sum(s.status = 'reserved')
    FROM bed_nights bn JOIN beds b ON b.id = bn.bed_id JOIN stays s ON s.id = bn.stay_id
   GROUP BY b.room_id, bn.night;
--> statement-breakpoint
CREATE TRIGGER `room_nights_book` AFTER INSERT ON `bed_nights` BEGIN
  INSERT INTO room_nights (room_id, night, booked, checked_in, reserved)
    SELECT b.room_id, new.night, 1, s.status = 'checked_in', s.status = 'reserved' FROM beds b, stays s WHERE b.id = new.bed_id AND s.id = new.stay_id
    ON CONFLICT (room_id, night) DO UPDATE SET booked = booked + 1, checked_in = checked_in + excluded.checked_in, reserved = reserved + excluded.reserved;
END;
--> statement-breakpoint
CREATE TRIGGER `room_nights_release` AFTER DELETE ON `bed_nights` BEGIN
  UPDATE room_nights SET booked = booked - 1,
      checked_in = checked_in - coalesce((SELECT status = 'checked_in' FROM stays WHERE id = old.stay_id), 0),
      reserved = reserved - coalesce((SELECT status = 'reserved' FROM stays WHERE id = old.stay_id), 0)
    WHERE room_id = (SELECT room_id FROM beds WHERE id = old.bed_id) AND night = old.night;
  DELETE FROM room_nights WHERE room_id = (SELECT room_id FROM beds WHERE id = old.bed_id) AND night = old.night AND booked <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `room_nights_rebook` AFTER UPDATE ON `bed_nights` BEGIN
  UPDATE room_nights SET booked = booked - 1,
      checked_in = checked_in - coalesce((SELECT status = 'checked_in' FROM stays WHERE id = old.stay_id), 0),
      reserved = reserved - coalesce((SELECT status = 'reserved' FROM stays WHERE id = old.stay_id), 0)
    WHERE room_id = (SELECT room_id FROM beds WHERE id = old.bed_id) AND night = old.night;
  DELETE FROM room_nights WHERE room_id = (SELECT room_id FROM beds WHERE id = old.bed_id) AND night = old.night AND booked <= 0;
  INSERT INTO room_nights (room_id, night, booked, checked_in, reserved)
    SELECT b.room_id, new.night, 1, s.status = 'checked_in', s.status = 'reserved' FROM beds b, stays s WHERE b.id = new.bed_id AND s.id = new.stay_id
    ON CONFLICT (room_id, night) DO UPDATE SET booked = booked + 1, checked_in = checked_in + excluded.checked_in, reserved = reserved + excluded.reserved;
END;
--> statement-breakpoint
CREATE TRIGGER `room_nights_stay_status` AFTER UPDATE OF `status` ON `stays`
  WHEN old.status IS NOT new.status AND (old.status IN ('checked_in', 'reserved') OR new.status IN ('checked_in', 'reserved'))
BEGIN
  UPDATE room_nights SET
      checked_in = checked_in + ((new.status = 'checked_in') - (old.status = 'checked_in')) * (SELECT count(*) FROM bed_nights bn JOIN beds b ON b.id = bn.bed_id
        WHERE bn.stay_id = new.id AND bn.night = room_nights.night AND b.room_id = room_nights.room_id),
      reserved = reserved + ((new.status = 'reserved') - (old.status = 'reserved')) * (SELECT count(*) FROM bed_nights bn JOIN beds b ON b.id = bn.bed_id
        WHERE bn.stay_id = new.id AND bn.night = room_nights.night AND b.room_id = room_nights.room_id)
    WHERE (room_id, night) IN (SELECT b.room_id, bn.night FROM bed_nights bn JOIN beds b ON b.id = bn.bed_id WHERE bn.stay_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `room_nights_bed_moved` AFTER UPDATE OF `room_id` ON `beds` WHEN old.room_id IS NOT new.room_id BEGIN
  UPDATE room_nights SET
      booked = booked - (SELECT count(*) FROM bed_nights bn WHERE bn.bed_id = new.id AND bn.night = room_nights.night),
      checked_in = checked_in - (SELECT count(*) FROM bed_nights bn JOIN stays s ON s.id = bn.stay_id WHERE bn.bed_id = new.id AND bn.night = room_nights.night AND s.status = 'checked_in'),
      reserved = reserved - (SELECT count(*) FROM bed_nights bn JOIN stays s ON s.id = bn.stay_id WHERE bn.bed_id = new.id AND bn.night = room_nights.night AND s.status = 'reserved')
    WHERE room_id = old.room_id AND night IN (SELECT night FROM bed_nights WHERE bed_id = new.id);
  DELETE FROM room_nights WHERE room_id = old.room_id AND booked <= 0;
  INSERT INTO room_nights (room_id, night, booked, checked_in, reserved)
    SELECT new.room_id, bn.night, 1, s.status = 'checked_in', s.status = 'reserved' FROM bed_nights bn JOIN stays s ON s.id = bn.stay_id WHERE bn.bed_id = new.id
    ON CONFLICT (room_id, night) DO UPDATE SET booked = booked + 1, checked_in = checked_in + excluded.checked_in, reserved = reserved + excluded.reserved;
END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_room_added` AFTER INSERT ON `rooms` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_room_changed` AFTER UPDATE ON `rooms` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_room_removed` AFTER DELETE ON `rooms` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_bed_added` AFTER INSERT ON `beds` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_bed_changed` AFTER UPDATE ON `beds` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER `bed_layout_bed_removed` AFTER DELETE ON `beds` BEGIN UPDATE bed_layout SET stamp = lower(hex(randomblob(8))) WHERE id = 1; END;
