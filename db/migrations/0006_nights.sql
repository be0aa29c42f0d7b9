CREATE TABLE `shelter_closures` (
	`id` text PRIMARY KEY NOT NULL,
	`shelter_id` text NOT NULL,
	`room_id` text,
	`first_night` text NOT NULL,
	`last_night` text NOT NULL,
	`reason` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shelter_closures_order" CHECK("shelter_closures"."last_night" >= "shelter_closures"."first_night")
);
--> statement-breakpoint
CREATE INDEX `shelter_closures_shelter` ON `shelter_closures` (`shelter_id`,`last_night`);--> statement-breakpoint
CREATE TABLE `bed_nights` (
	`bed_id` text NOT NULL,
	`night` text NOT NULL,
	`stay_id` text NOT NULL,
	PRIMARY KEY(`bed_id`, `night`),
	FOREIGN KEY (`bed_id`) REFERENCES `beds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bed_nights_stay` ON `bed_nights` (`stay_id`);--> statement-breakpoint
CREATE INDEX `bed_nights_night` ON `bed_nights` (`night`);--> statement-breakpoint
CREATE TABLE `no_fit_searches` (
	`day` text NOT NULL,
	`arrival_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`day`, `arrival_id`)
);
--> statement-breakpoint
DROP INDEX `stay_beds_one_active_hold`;--> statement-breakpoint
CREATE INDEX `stay_beds_active` ON `stay_beds` (`bed_id`) WHERE released_at is null;--> statement-breakpoint
ALTER TABLE `shelters` ADD `usual_nights` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `shelters` ADD `longest_nights` integer;--> statement-breakpoint
ALTER TABLE `shelters` ADD `check_out_by` text DEFAULT '11:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `expected_at` integer;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `nights_wanted` integer;--> statement-breakpoint
ALTER TABLE `stays` ADD `first_night` text;--> statement-breakpoint
ALTER TABLE `stays` ADD `departure` text;--> statement-breakpoint
CREATE INDEX `stays_shelter_first_night` ON `stays` (`shelter_id`,`first_night`);--> statement-breakpoint
CREATE INDEX `stays_shelter_departure` ON `stays` (`shelter_id`,`departure`);--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `unmet_waited_men` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `unmet_waited_women` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `unmet_waited_families` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `no_fit_men` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `no_fit_women` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `no_fit_families` integer DEFAULT 0 NOT NULL;