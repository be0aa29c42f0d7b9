-- The role every screen calls "guide" is stored as such: users and invitations are rebuilt with the
-- new check, each 'coordinator' becoming 'guide'. db/migrate.ts runs migrations with foreign keys off
-- (SQLite ignores the PRAGMAs below inside Drizzle's transaction), so dropping the old users table
-- cascades to nothing, and checks every reference afterwards.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invitations` (
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
	CONSTRAINT "invitations_email_lower" CHECK("__new_invitations"."email" = lower("__new_invitations"."email")),
	CONSTRAINT "invitations_role" CHECK("__new_invitations"."role" in ('admin', 'guide', 'host'))
);
--> statement-breakpoint
INSERT INTO `__new_invitations`("id", "token_hash", "email", "role", "invited_by", "expires_at", "accepted_at", "revoked_at", "created_at") SELECT "id", "token_hash", "email", CASE "role" WHEN 'coordinator' THEN 'guide' ELSE "role" END, "invited_by", "expires_at", "accepted_at", "revoked_at", "created_at" FROM `invitations`;--> statement-breakpoint
DROP TABLE `invitations`;--> statement-breakpoint
ALTER TABLE `__new_invitations` RENAME TO `invitations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_hash_unique` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`disabled_at` integer,
	`sessions_valid_after` integer,
	`totp_secret` text,
	`totp_enabled_at` integer,
	`totp_last_step` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT "users_email_lower" CHECK("__new_users"."email" = lower("__new_users"."email")),
	CONSTRAINT "users_role" CHECK("__new_users"."role" in ('admin', 'guide', 'host')),
	CONSTRAINT "users_locale" CHECK("__new_users"."locale" in ('en', 'ru', 'tr', 'uk'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "name", "password_hash", "role", "locale", "disabled_at", "sessions_valid_after", "totp_secret", "totp_enabled_at", "totp_last_step", "created_at") SELECT "id", "email", "name", "password_hash", CASE "role" WHEN 'coordinator' THEN 'guide' ELSE "role" END, "locale", "disabled_at", "sessions_valid_after", "totp_secret", "totp_enabled_at", "totp_last_step", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);