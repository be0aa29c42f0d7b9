CREATE TABLE `bed_outages` (
	`id` text PRIMARY KEY NOT NULL,
	`bed_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`bed_id`) REFERENCES `beds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bed_outages_bed` ON `bed_outages` (`bed_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `occupancy_days` (
	`scope` text NOT NULL,
	`day` text NOT NULL,
	`beds_in_service` integer NOT NULL,
	`out_of_service` integer NOT NULL,
	`occupied` integer NOT NULL,
	`reserved` integer NOT NULL,
	`registered` integer NOT NULL,
	`placed` integer NOT NULL,
	`checked_in` integer NOT NULL,
	`checked_out` integer NOT NULL,
	`no_shows` integer NOT NULL,
	`stays_completed` integer NOT NULL,
	`stay_ms_total` integer NOT NULL,
	`wait_minutes` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`scope`, `day`),
	CONSTRAINT "occupancy_days_counts" CHECK("occupancy_days"."beds_in_service" >= 0 and "occupancy_days"."occupied" >= 0 and "occupancy_days"."reserved" >= 0)
);
--> statement-breakpoint
CREATE INDEX `occupancy_days_day` ON `occupancy_days` (`day`);--> statement-breakpoint
ALTER TABLE `stay_beds` ADD `held_at` integer;--> statement-breakpoint
CREATE INDEX `arrivals_created` ON `arrivals` (`created_at`);--> statement-breakpoint
CREATE INDEX `stays_created` ON `stays` (`created_at`);--> statement-breakpoint
CREATE INDEX `stays_ended` ON `stays` (`ended_at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_action` ON `audit_events` (`action`,`at`);--> statement-breakpoint
UPDATE `stay_beds` SET `held_at` = (SELECT `created_at` FROM `stays` WHERE `stays`.`id` = `stay_beds`.`stay_id`) WHERE `held_at` IS NULL;--> statement-breakpoint
INSERT INTO `bed_outages` (`id`, `bed_id`, `started_at`) SELECT lower(hex(randomblob(12))), `id`, CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `beds` WHERE `out_of_service_reason` IS NOT NULL;
