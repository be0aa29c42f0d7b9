CREATE TABLE `offer_ranges` (
	`offer_id` text NOT NULL,
	`position` integer NOT NULL,
	`first_night` text NOT NULL,
	`last_night` text NOT NULL,
	PRIMARY KEY(`offer_id`, `position`),
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "offer_ranges_order" CHECK("offer_ranges"."first_night" <= "offer_ranges"."last_night")
);
--> statement-breakpoint
CREATE INDEX `offer_ranges_nights` ON `offer_ranges` (`first_night`,`last_night`);--> statement-breakpoint
CREATE TABLE `offer_ticks` (
	`offer_id` text NOT NULL,
	`check_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`offer_id`, `check_id`, `user_id`),
	FOREIGN KEY (`offer_id`) REFERENCES `offers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`check_id`) REFERENCES `vetting_checks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `offers` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`city_id` text NOT NULL,
	`kind` text NOT NULL,
	`capacity` integer NOT NULL,
	`guests` text NOT NULL,
	`languages` text NOT NULL,
	`pets` integer DEFAULT false NOT NULL,
	`step_free` integer DEFAULT false NOT NULL,
	`longest_nights` integer NOT NULL,
	`contact` text,
	`note` text,
	`status` text DEFAULT 'new' NOT NULL,
	`paused_from` text,
	`token_hash` text,
	`shelter_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`status_changed_at` integer NOT NULL,
	`status_changed_by` text,
	`ended_at` integer,
	`erased_at` integer,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`status_changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "offers_capacity" CHECK("offers"."capacity" between 1 and 20),
	CONSTRAINT "offers_longest_nights" CHECK("offers"."longest_nights" between 1 and 365),
	CONSTRAINT "offers_kind" CHECK("offers"."kind" in ('sofa', 'room', 'flat')),
	CONSTRAINT "offers_guests" CHECK("offers"."guests" in ('men', 'women', 'families', 'anyone')),
	CONSTRAINT "offers_status" CHECK("offers"."status" in ('new', 'contacted', 'verified', 'active', 'paused', 'withdrawn', 'declined'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offers_reference_unique` ON `offers` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `offers_token_hash_unique` ON `offers` (`token_hash`);--> statement-breakpoint
CREATE INDEX `offers_queue` ON `offers` (`city_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `offers_status_created` ON `offers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `offers_ended` ON `offers` (`ended_at`);--> statement-breakpoint
CREATE TABLE `vetting_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`ticks_needed` integer DEFAULT 1 NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT "vetting_checks_ticks" CHECK("vetting_checks"."ticks_needed" in (1, 2))
);
