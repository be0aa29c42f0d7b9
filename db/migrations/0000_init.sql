CREATE TABLE `invitation_shelters` (
	`invitation_id` text NOT NULL,
	`shelter_id` text NOT NULL,
	PRIMARY KEY(`invitation_id`, `shelter_id`),
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "invitations_email_lower" CHECK("invitations"."email" = lower("invitations"."email")),
	CONSTRAINT "invitations_role" CHECK("invitations"."role" in ('admin', 'coordinator', 'host'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `login_throttles` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `shelter_members` (
	`user_id` text NOT NULL,
	`shelter_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `shelter_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shelter_members_shelter` ON `shelter_members` (`shelter_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`disabled_at` integer,
	`sessions_valid_after` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "users_email_lower" CHECK("users"."email" = lower("users"."email")),
	CONSTRAINT "users_role" CHECK("users"."role" in ('admin', 'coordinator', 'host')),
	CONSTRAINT "users_locale" CHECK("users"."locale" in ('en', 'ru', 'tr', 'uk'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `beds` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`label` text NOT NULL,
	`out_of_service_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`room_id`) REFERENCES `rooms`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `beds_room` ON `beds` (`room_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `beds_room_label` ON `beds` (`room_id`,`label`);--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`shelter_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`accessible` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "rooms_kind" CHECK("rooms"."kind" in ('men', 'women', 'mixed', 'family'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_shelter_name` ON `rooms` (`shelter_id`,`name`);--> statement-breakpoint
CREATE TABLE `shelter_texts` (
	`shelter_id` text NOT NULL,
	`locale` text NOT NULL,
	`directions` text DEFAULT '' NOT NULL,
	`house_rules` text DEFAULT '' NOT NULL,
	`what_to_bring` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`shelter_id`, `locale`),
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "shelter_texts_locale" CHECK("shelter_texts"."locale" in ('ru', 'en', 'tr', 'uk'))
);
--> statement-breakpoint
CREATE TABLE `shelters` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`district` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`latitude` real,
	`longitude` real,
	`phone` text,
	`telegram` text,
	`whatsapp` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`amenities` text DEFAULT '[]' NOT NULL,
	`accepts_families` integer DEFAULT true NOT NULL,
	`accepts_pets` integer DEFAULT false NOT NULL,
	`wheelchair_accessible` integer DEFAULT false NOT NULL,
	`check_in_from` text DEFAULT '14:00' NOT NULL,
	`check_in_until` text DEFAULT '23:00' NOT NULL,
	`hold_hours` integer DEFAULT 6 NOT NULL,
	`time_zone` text DEFAULT 'Europe/Istanbul' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`last_confirmed_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "shelters_status" CHECK("shelters"."status" in ('open', 'paused', 'closed')),
	CONSTRAINT "shelters_hold_hours" CHECK("shelters"."hold_hours" between 1 and 72),
	CONSTRAINT "shelters_latitude" CHECK("shelters"."latitude" is null or "shelters"."latitude" between -90 and 90),
	CONSTRAINT "shelters_longitude" CHECK("shelters"."longitude" is null or "shelters"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE `arrivals` (
	`id` text PRIMARY KEY NOT NULL,
	`alias` text,
	`adult_men` integer DEFAULT 0 NOT NULL,
	`adult_women` integer DEFAULT 0 NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`needs_wheelchair` integer DEFAULT false NOT NULL,
	`has_pet` integer DEFAULT false NOT NULL,
	`need_note` text,
	`contact` text,
	`arrived_at` integer NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`registered_by` text,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "arrivals_counts" CHECK("arrivals"."adult_men" >= 0 and "arrivals"."adult_women" >= 0 and "arrivals"."children" >= 0),
	CONSTRAINT "arrivals_size" CHECK("arrivals"."adult_men" + "arrivals"."adult_women" + "arrivals"."children" between 1 and 30)
);
--> statement-breakpoint
CREATE INDEX `arrivals_status` ON `arrivals` (`status`,`arrived_at`);--> statement-breakpoint
CREATE TABLE `stay_beds` (
	`stay_id` text NOT NULL,
	`bed_id` text NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`stay_id`) REFERENCES `stays`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bed_id`) REFERENCES `beds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stay_beds_one_active_hold` ON `stay_beds` (`bed_id`) WHERE released_at is null;--> statement-breakpoint
CREATE INDEX `stay_beds_stay` ON `stay_beds` (`stay_id`);--> statement-breakpoint
CREATE TABLE `stays` (
	`id` text PRIMARY KEY NOT NULL,
	`arrival_id` text NOT NULL,
	`shelter_id` text NOT NULL,
	`status` text DEFAULT 'reserved' NOT NULL,
	`hold_until` integer NOT NULL,
	`checked_in_at` integer,
	`checked_out_at` integer,
	`ended_at` integer,
	`link_token_hash` text,
	`link_expires_at` integer,
	`reserved_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`arrival_id`) REFERENCES `arrivals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stays_status" CHECK("stays"."status" in ('reserved', 'checked_in', 'checked_out', 'cancelled', 'expired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stays_link_token_hash_unique` ON `stays` (`link_token_hash`);--> statement-breakpoint
CREATE INDEX `stays_shelter_status` ON `stays` (`shelter_id`,`status`);--> statement-breakpoint
CREATE INDEX `stays_arrival` ON `stays` (`arrival_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`shelter_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_shelter` ON `audit_events` (`shelter_id`,`at`);