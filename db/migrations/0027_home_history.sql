ALTER TABLE `occupancy_days` ADD `home_beds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `home_occupied` integer DEFAULT 0 NOT NULL;