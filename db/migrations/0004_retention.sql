PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_network_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_phone` text,
	`contact_telegram` text,
	`contact_whatsapp` text,
	`requests_per_hour` integer DEFAULT 30 NOT NULL,
	`retention_days` integer DEFAULT 14 NOT NULL,
	`updated_at` integer,
	`updated_by` text,
	CONSTRAINT "network_settings_one_row" CHECK("__new_network_settings"."id" = 1),
	CONSTRAINT "network_settings_requests_per_hour" CHECK("__new_network_settings"."requests_per_hour" between 0 and 10000),
	CONSTRAINT "network_settings_retention_days" CHECK("__new_network_settings"."retention_days" between 1 and 90)
);
--> statement-breakpoint
INSERT INTO `__new_network_settings`("id", "contact_phone", "contact_telegram", "contact_whatsapp", "requests_per_hour", "retention_days", "updated_at", "updated_by") SELECT "id", "contact_phone", "contact_telegram", "contact_whatsapp", "requests_per_hour", 14, "updated_at", "updated_by" FROM `network_settings`;--> statement-breakpoint
DROP TABLE `network_settings`;--> statement-breakpoint
ALTER TABLE `__new_network_settings` RENAME TO `network_settings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;