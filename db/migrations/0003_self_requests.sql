CREATE TABLE `network_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_phone` text,
	`contact_telegram` text,
	`contact_whatsapp` text,
	`requests_per_hour` integer DEFAULT 30 NOT NULL,
	`updated_at` integer,
	`updated_by` text,
	CONSTRAINT "network_settings_one_row" CHECK("network_settings"."id" = 1),
	CONSTRAINT "network_settings_requests_per_hour" CHECK("network_settings"."requests_per_hour" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE `request_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `request_attempts_client` ON `request_attempts` (`client_key`,`at`);--> statement-breakpoint
CREATE INDEX `request_attempts_at` ON `request_attempts` (`at`);--> statement-breakpoint
ALTER TABLE `shelters` ADD `listed_publicly` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `self_registered` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `request_token_hash` text;--> statement-breakpoint
ALTER TABLE `arrivals` ADD `ended_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `arrivals_request_token_hash_unique` ON `arrivals` (`request_token_hash`);--> statement-breakpoint
CREATE INDEX `arrivals_ended` ON `arrivals` (`ended_at`);