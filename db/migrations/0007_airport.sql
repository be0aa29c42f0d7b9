CREATE TABLE `meeting_points` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_points_name_unique` ON `meeting_points` (`name`);--> statement-breakpoint
CREATE TABLE `room_names` (
	`room_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`room_id`, `locale`),
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `arrivals` ADD `meeting_point_id` text REFERENCES meeting_points(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `intake_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `arrivals_intake_key_unique` ON `arrivals` (`intake_key`);--> statement-breakpoint
ALTER TABLE `stays` ADD `guest_said` text;--> statement-breakpoint
ALTER TABLE `stays` ADD `guest_said_at` integer;--> statement-breakpoint
ALTER TABLE `stays` ADD `guest_eta` integer;--> statement-breakpoint
ALTER TABLE `network_settings` ADD `idle_minutes` integer DEFAULT 30 NOT NULL;