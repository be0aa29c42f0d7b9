CREATE INDEX `stay_beds_bed` ON `stay_beds` (`bed_id`);--> statement-breakpoint
CREATE INDEX `stays_status_hold` ON `stays` (`status`,`hold_until`);