CREATE TABLE `stay_words` (
	`stay_id` text PRIMARY KEY NOT NULL,
	`shelter_id` text NOT NULL,
	`answer` text NOT NULL,
	`note` text,
	`answered_at` integer NOT NULL,
	`paused_home` integer DEFAULT false NOT NULL,
	`looked_at` integer,
	`looked_by` text,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`looked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "stay_words_answer" CHECK("stay_words"."answer" in ('yes', 'no', 'wrong')),
	CONSTRAINT "stay_words_note" CHECK("stay_words"."note" is null or length("stay_words"."note") <= 1000)
);
--> statement-breakpoint
CREATE INDEX `stay_words_waiting` ON `stay_words` (`answer`,`looked_at`);--> statement-breakpoint
CREATE INDEX `stay_words_shelter` ON `stay_words` (`shelter_id`,`answered_at`);