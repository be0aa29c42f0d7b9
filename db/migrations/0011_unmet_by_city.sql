CREATE TABLE `unmet_city_days` (
	`city_id` text NOT NULL,
	`day` text NOT NULL,
	`waited_men` integer DEFAULT 0 NOT NULL,
	`waited_women` integer DEFAULT 0 NOT NULL,
	`waited_families` integer DEFAULT 0 NOT NULL,
	`no_fit_men` integer DEFAULT 0 NOT NULL,
	`no_fit_women` integer DEFAULT 0 NOT NULL,
	`no_fit_families` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`city_id`, `day`),
	FOREIGN KEY (`city_id`) REFERENCES `cities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `no_fit_searches` ADD `city_id` text REFERENCES cities(id) ON DELETE set null;
--> statement-breakpoint
-- Searches not yet rolled up take their household's city (an erased household's is already untied: none).
UPDATE `no_fit_searches` SET `city_id` = (SELECT `city_id` FROM `arrivals` WHERE `arrivals`.`id` = `no_fit_searches`.`arrival_id`);