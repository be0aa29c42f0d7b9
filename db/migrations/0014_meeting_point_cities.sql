ALTER TABLE `meeting_points` ADD `city_id` text REFERENCES cities(id) ON DELETE set null;
--> statement-breakpoint
-- A point already in use joins the city of the shelter nearest to it (cities lie hundreds of km apart),
-- else the network's oldest city; with no city at all it stays without one.
UPDATE `meeting_points` SET `city_id` = coalesce(
	(SELECT `s`.`city_id` FROM `shelters` `s`
		WHERE `s`.`city_id` IS NOT NULL AND `s`.`latitude` IS NOT NULL AND `s`.`longitude` IS NOT NULL
		ORDER BY (`s`.`latitude` - `meeting_points`.`latitude`) * (`s`.`latitude` - `meeting_points`.`latitude`)
			+ (`s`.`longitude` - `meeting_points`.`longitude`) * (`s`.`longitude` - `meeting_points`.`longitude`)
		LIMIT 1),
	(SELECT `id` FROM `cities` ORDER BY `created_at` LIMIT 1)
);
