CREATE TABLE `shelter_needs` (
	`id` text PRIMARY KEY NOT NULL,
	`shelter_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`last_day` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shelter_needs_kind" CHECK("shelter_needs"."kind" in ('blankets', 'food', 'hygiene', 'clothes', 'interpreter', 'volunteers', 'other'))
);
--> statement-breakpoint
CREATE INDEX `shelter_needs_shelter` ON `shelter_needs` (`shelter_id`,`last_day`);--> statement-breakpoint
CREATE INDEX `shelter_needs_last_day` ON `shelter_needs` (`last_day`);