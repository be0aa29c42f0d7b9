ALTER TABLE `occupancy_days` ADD `surge_beds` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `occupancy_days` ADD `surge_occupied` integer DEFAULT 0 NOT NULL;