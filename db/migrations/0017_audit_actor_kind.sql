ALTER TABLE `audit_events` ADD `actor_kind` text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
-- Who acted, when no staff member did: the guest (their own link: "on my way", "late", a request sent
-- or withdrawn, a booking cancelled with it) or Waystation itself (a hold run out, retention). Before
-- this column both were a missing actor; the actions tell them apart.
UPDATE `audit_events` SET `actor_kind` = CASE
  WHEN `action` IN ('stay.guest_on_my_way', 'stay.guest_late', 'arrival.self_register', 'arrival.cancel_request', 'stay.cancel')
    THEN 'guest'
  ELSE 'system' END
WHERE `actor_id` IS NULL;
