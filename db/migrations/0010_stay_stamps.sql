CREATE TABLE `shelter_stay_stamps` (
	`shelter_id` text PRIMARY KEY NOT NULL,
	`stamp` text NOT NULL,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stays_shelter_created` ON `stays` (`shelter_id`,`created_at`);--> statement-breakpoint
-- Every shelter gets its stamp now; from here on the triggers below give it a new random value on any
-- change to its stays, their beds and bed-nights, or the head count of a household staying there.
INSERT INTO `shelter_stay_stamps` (`shelter_id`, `stamp`) SELECT `id`, lower(hex(randomblob(8))) FROM `shelters`;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_stay_added` AFTER INSERT ON `stays` BEGIN
  INSERT INTO shelter_stay_stamps (shelter_id, stamp) VALUES (new.shelter_id, lower(hex(randomblob(8))))
    ON CONFLICT (shelter_id) DO UPDATE SET stamp = excluded.stamp;
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_stay_changed` AFTER UPDATE ON `stays` BEGIN
  INSERT INTO shelter_stay_stamps (shelter_id, stamp) VALUES (new.shelter_id, lower(hex(randomblob(8))))
    ON CONFLICT (shelter_id) DO UPDATE SET stamp = excluded.stamp;
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = old.shelter_id AND old.shelter_id <> new.shelter_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_stay_removed` AFTER DELETE ON `stays` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = old.shelter_id;
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_bed_added` AFTER INSERT ON `stay_beds` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = (SELECT shelter_id FROM stays WHERE id = new.stay_id);
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_bed_changed` AFTER UPDATE ON `stay_beds` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id IN (SELECT shelter_id FROM stays WHERE id IN (old.stay_id, new.stay_id));
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_bed_removed` AFTER DELETE ON `stay_beds` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = (SELECT shelter_id FROM stays WHERE id = old.stay_id);
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_night_added` AFTER INSERT ON `bed_nights` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = (SELECT shelter_id FROM stays WHERE id = new.stay_id);
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_night_changed` AFTER UPDATE ON `bed_nights` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id IN (SELECT shelter_id FROM stays WHERE id IN (old.stay_id, new.stay_id));
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_night_removed` AFTER DELETE ON `bed_nights` BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id = (SELECT shelter_id FROM stays WHERE id = old.stay_id);
END;
--> statement-breakpoint
CREATE TRIGGER `stay_stamp_household_changed` AFTER UPDATE OF adult_men, adult_women, children ON arrivals BEGIN
  UPDATE shelter_stay_stamps SET stamp = lower(hex(randomblob(8))) WHERE shelter_id IN (SELECT shelter_id FROM stays WHERE arrival_id = new.id);
END;
