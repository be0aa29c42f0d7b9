-- A meeting point's name in each language, like a room's (room_names): meeting_points.name stays the
-- name the admin typed first and the fallback for any language without its own, so existing points
-- keep their names and nothing needs copying.
CREATE TABLE `meeting_point_names` (
	`meeting_point_id` text NOT NULL,
	`locale` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`meeting_point_id`, `locale`),
	FOREIGN KEY (`meeting_point_id`) REFERENCES `meeting_points`(`id`) ON UPDATE no action ON DELETE cascade
);
