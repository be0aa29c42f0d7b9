-- How long a bed stays held past the time a late guest gives, and the latest hour the shelter lets anyone in.
ALTER TABLE `shelters` ADD `late_grace_minutes` integer DEFAULT 30 NOT NULL CHECK (`late_grace_minutes` BETWEEN 0 AND 180);
--> statement-breakpoint
ALTER TABLE `shelters` ADD `latest_arrival` text;
