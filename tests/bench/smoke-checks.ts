// What `npm run bench -- --smoke` checks after its tiny run of every part, so a bench that rots fails
// CI (which runs it after `npm test`). Sanity, never speed: a figure is there and makes sense, and the
// surge walked every step without a failure.

type Results = Record<string, Record<string, unknown> | undefined>;
type Check = [part: string, figure: string, holds: (r: Results) => boolean];

const num = (r: Results, part: string, key: string): number => {
  const value = r[part]?.[key];
  return typeof value === 'number' ? value : NaN;
};
const positive = (part: string, key: string): Check => [part, `${part}.${key} > 0`, (r) => num(r, part, key) > 0];
const reported = (part: string, key: string): Check => [part, `${part}.${key} is reported`, (r) => num(r, part, key) >= 0];
const zero = (part: string, key: string): Check => [part, `${part}.${key} = 0`, (r) => num(r, part, key) === 0];

const CHECKS: Check[] = [
  zero('reservations', 'double_bookings'),
  zero('reservations', 'busy_errors'),
  positive('reservations', 'per_second'),
  positive('reservations', 'floor_per_second'),
  [
    'reservations',
    'reservations: a reservation writes more WAL pages than a bare commit',
    (r) => num(r, 'reservations', 'wal_pages_per_reservation') > num(r, 'reservations', 'wal_pages_per_floor_commit'),
  ],
  [
    'reservations',
    'reservations: the domain call takes less than the whole reservation',
    (r) => num(r, 'reservations', 'one_process_domain_us') < num(r, 'reservations', 'one_process_reservation_us'),
  ],
  // A failed response fails the run, and a page answering anything but 200 fails its CPU count;
  // how many answered in the smoke's one second is a time, not judged.
  reported('http', 'health_per_second'),
  reported('http', 'arrival_page_per_second'),
  reported('http', 'bed_board_per_second'),
  positive('http', 'health_cpu_ms'),
  positive('http', 'staff_chrome_cpu_ms'),
  positive('http', 'bed_board_cpu_ms'),
  positive('http', 'queue_cpu_ms'),
  positive('http', 'household_cpu_ms'),
  zero('actions', 'double_bookings'),
  positive('actions', 'reservations'),
  ['weight', 'weight.arrival_page_gzip_bytes ≤ 14336', (r) => num(r, 'weight', 'arrival_page_gzip_bytes') <= 14 * 1024],
  zero('weight', 'arrival_page_js_bytes'),
  positive('weight', 'sign_in_js_gzip_bytes'),
  // The surge: one level of 60 volunteers against `npm start`'s two server processes, passed when every
  // step was walked and nothing failed (no time is judged); a health check refused fails the run.
  positive('surge', 'volunteers_at_p95_300ms'),
  positive('surge', 'volunteers_at_p95_300ms_2_processes'),
  reported('surge', 'health_per_second_2_processes'),
  positive('surge', 'reservations_2_processes'),
  ['surge', 'surge.mix_2_processes contains the queue', (r) => String(r.surge?.mix_2_processes ?? '').includes('queue')],
  zero('surge', 'failures'),
  zero('surge', 'double_bookings'),
  ['scale', 'scale.beds = 80', (r) => num(r, 'scale', 'beds') === 80],
  positive('scale', 'suggestions_3_nights_ms'),
  // Split into cities: one city's suggestions, queue and occupancy page beside the network's.
  ['scale', 'scale.cities = 2', (r) => num(r, 'scale', 'cities') === 2],
  ...[
    'suggestions_ms',
    'suggestions_network_ms',
    'scoped_queue_ms',
    'offers_queue_ms',
    'forecast_city_ms',
    'city_occupancy_page_http_ms',
    'suggestions_with_homes_ms',
    // Issue 30: a city's homes are read and suggested (after its shelters).
    'suggestions_with_homes_homes_suggested',
  ].map((key) => positive('scale', key)),
  ['scale', 'scale.homes = 20', (r) => num(r, 'scale', 'homes') === 20],
  positive('forecast', 'days_forecast'),
  ['forecast', 'forecast.mae_beds ≥ 0', (r) => num(r, 'forecast', 'mae_beds') >= 0],
  positive('forecast', 'naive_mae_beds'),
  positive('forecast', 'mae_ratio_to_naive'),
];

/** The checks of the parts that ran that fail on their results and table, each named by what it expected. */
export function smokeFailures(parts: readonly string[], results: Record<string, unknown>, table: string): string[] {
  const failures = CHECKS.filter(([part, , holds]) => parts.includes(part) && !holds(results as Results)).map(([, figure]) => figure);
  const lines = table.split('\n');
  if (lines[0] !== '| part | figure | value | goal |') failures.push('the table starts with its header');
  for (const part of ['actions', 'surge'].filter((p) => parts.includes(p))) {
    if (!lines.includes(`| ${part} | double_bookings | 0 | 0 |`))
      failures.push(`the table shows ${part}: double_bookings 0 against a goal of 0`);
  }
  return failures;
}
