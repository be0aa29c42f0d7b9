CREATE TABLE `invitation_cities` (
	`invitation_id` text NOT NULL,
	`city_id` text NOT NULL,
	PRIMARY KEY(`invitation_id`, `city_id`),
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `staff_cities` (
	`user_id` text NOT NULL,
	`city_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `city_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cities` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`time_zone` text NOT NULL,
	`contact_phone` text,
	`contact_telegram` text,
	`contact_whatsapp` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cities_slug_unique` ON `cities` (`slug`);--> statement-breakpoint
CREATE TABLE `city_names` (
	`city_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`city_id`, `locale`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "city_names_locale" CHECK("city_names"."locale" in ('ru', 'en', 'tr', 'uk'))
);
--> statement-breakpoint
CREATE TABLE `notice_texts` (
	`notice_id` text NOT NULL,
	`locale` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`notice_id`, `locale`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`shelter_id` text,
	`city_id` text,
	`ends_at` integer NOT NULL,
	`withdrawn_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shelter_id`) REFERENCES `shelters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notices_one_place" CHECK(("notices"."shelter_id" is null) <> ("notices"."city_id" is null))
);
--> statement-breakpoint
CREATE INDEX `notices_shelter` ON `notices` (`shelter_id`,`ends_at`);--> statement-breakpoint
CREATE INDEX `notices_city` ON `notices` (`city_id`,`ends_at`);--> statement-breakpoint
ALTER TABLE `shelters` ADD `city_id` text REFERENCES cities(id);--> statement-breakpoint
CREATE INDEX `shelters_city` ON `shelters` (`city_id`);--> statement-breakpoint
ALTER TABLE `arrivals` ADD `city_id` text REFERENCES cities(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `destination_city_id` text REFERENCES cities(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `arrivals_city_status` ON `arrivals` (`city_id`,`status`);