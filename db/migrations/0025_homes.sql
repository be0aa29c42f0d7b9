ALTER TABLE `shelters` ADD `kind` text DEFAULT 'shelter' NOT NULL;--> statement-breakpoint
ALTER TABLE `network_settings` ADD `homes_verified_by_two` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- hand-written below
-- A shelter's kind is one of two words; SQLite adds no CHECK to an existing table without rebuilding
-- it (and the rows referring to it), so triggers keep the rule. Rows already present are 'shelter'.
CREATE TRIGGER `shelters_kind_insert` BEFORE INSERT ON `shelters`
  WHEN new.kind NOT IN ('shelter', 'home')
BEGIN
  SELECT RAISE(ABORT, 'shelters_kind');
END;
--> statement-breakpoint
CREATE TRIGGER `shelters_kind_update` BEFORE UPDATE OF `kind` ON `shelters`
  WHEN new.kind NOT IN ('shelter', 'home')
BEGIN
  SELECT RAISE(ABORT, 'shelters_kind');
END;
