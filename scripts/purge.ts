import { databasePath, openDatabase } from '../db';
import { migrateDatabase } from '../db/migrate';
import { purgeExpiredHouseholds } from '../lib/privacy/retention';

// `npm run purge`: erases now what the running app would erase within the hour. Safe while it serves.
const { db, sqlite } = openDatabase(databasePath());
try {
  migrateDatabase(db);
  const { erased, retentionDays, needsEnded, offersErased } = purgeExpiredHouseholds(db, new Date());
  console.log(`Erased the details of ${erased} household(s) that ended more than ${retentionDays} days ago.`);
  console.log(`Erased the contacts of ${offersErased} withdrawn or declined offer(s) of a place.`);
  console.log(`Deleted ${needsEnded} shelter need(s) past their last day.`);
} finally {
  sqlite.close();
}
