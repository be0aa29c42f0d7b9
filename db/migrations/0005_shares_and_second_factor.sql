CREATE TABLE `recovery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_user` ON `recovery_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `used_form_stamps` (
	`stamp_hash` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `used_form_stamps_expires` ON `used_form_stamps` (`expires_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `totp_secret` text;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_enabled_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `totp_last_step` integer;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_network_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_phone` text,
	`contact_telegram` text,
	`contact_whatsapp` text,
	`requests_per_hour` integer DEFAULT 30 NOT NULL,
	`retention_days` integer DEFAULT 14 NOT NULL,
	`second_factor` text DEFAULT 'off' NOT NULL,
	`updated_at` integer,
	`updated_by` text,
	CONSTRAINT "network_settings_one_row" CHECK("__new_network_settings"."id" = 1),
	CONSTRAINT "network_settings_requests_per_hour" CHECK("__new_network_settings"."requests_per_hour" between 0 and 10000),
	CONSTRAINT "network_settings_retention_days" CHECK("__new_network_settings"."retention_days" between 1 and 90),
	CONSTRAINT "network_settings_second_factor" CHECK("__new_network_settings"."second_factor" in ('off', 'admins', 'everyone'))
);
--> statement-breakpoint
INSERT INTO `__new_network_settings`("id", "contact_phone", "contact_telegram", "contact_whatsapp", "requests_per_hour", "retention_days", "second_factor", "updated_at", "updated_by") SELECT "id", "contact_phone", "contact_telegram", "contact_whatsapp", "requests_per_hour", "retention_days", 'off', "updated_at", "updated_by" FROM `network_settings`;--> statement-breakpoint
DROP TABLE `network_settings`;--> statement-breakpoint
ALTER TABLE `__new_network_settings` RENAME TO `network_settings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `request_attempts` ADD `network_key` text;--> statement-breakpoint
CREATE INDEX `request_attempts_network` ON `request_attempts` (`network_key`,`at`);