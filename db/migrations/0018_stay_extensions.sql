-- A host's "one more night", kept for the minute in which it can be undone: the departure it replaced,
-- the bed-nights it booked, and what the stay looked like right after, so an undo gives back exactly
-- those nights and is refused once anything else about the stay has changed.
CREATE TABLE `stay_extensions` (
	`id` text PRIMARY KEY NOT NULL,
	`stay_id` text NOT NULL,
	`added_by` text NOT NULL,
	`added_at` integer NOT NULL,
	`departure_before` text NOT NULL,
	`departure_after` text NOT NULL,
	`nights_added` text NOT NULL,
	`state_after` text NOT NULL,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stay_extensions_stay` ON `stay_extensions` (`stay_id`,`added_at`);
