import { describe, expect, it } from 'vitest';
import { markdownTable, runBench } from '../bench/run';

// Not a benchmark: a tiny run of every bench part, so `npm run bench` cannot rot unnoticed.
describe('npm run bench --smoke', () => {
  it('runs every part and reports sane figures', async () => {
    const results = (await runBench(['reservations', 'http', 'actions', 'weight', 'surge', 'scale', 'forecast'], true)) as Record<string, Record<string, number>>;
    expect(results.reservations.double_bookings).toBe(0);
    expect(results.reservations.busy_errors).toBe(0);
    expect(results.reservations.per_second).toBeGreaterThan(0);
    expect(results.reservations.floor_per_second).toBeGreaterThan(0);
    expect(results.reservations.wal_pages_per_reservation).toBeGreaterThan(results.reservations.wal_pages_per_floor_commit);
    expect(results.reservations.one_process_domain_us).toBeLessThan(results.reservations.one_process_reservation_us);
    expect(results.http.health_per_second).toBeGreaterThan(0);
    expect(results.http.arrival_page_per_second).toBeGreaterThan(0);
    expect(results.http.bed_board_per_second).toBeGreaterThan(0);
    expect(results.actions.double_bookings).toBe(0);
    expect(results.actions.reservations).toBeGreaterThan(0);
    expect(results.weight.arrival_page_gzip_bytes).toBeLessThanOrEqual(14 * 1024);
    expect(results.weight.arrival_page_js_bytes).toBe(0);
    expect(results.weight.sign_in_js_gzip_bytes).toBeGreaterThan(0);
    // A tiny surge, one level of a few volunteers against 1 and 2 server processes.
    for (const key of ['volunteers_at_p95_300ms', 'volunteers_at_p95_300ms_1_process', 'volunteers_at_p95_300ms_2_processes']) {
      expect(results.surge[key]).toBeGreaterThan(0);
    }
    expect(results.surge.health_per_second_1_process).toBeGreaterThan(0);
    expect(results.surge.health_per_second_2_processes).toBeGreaterThan(0);
    expect(results.surge.reservations_1_process + results.surge.reservations_2_processes).toBeGreaterThan(0);
    expect(results.surge.mix_1_process).toContain('queue');
    expect(results.surge.failures).toBe(0);
    expect(results.surge.double_bookings).toBe(0);
    expect(results.scale.beds).toBe(80);
    expect(results.scale.suggestions_3_nights_ms).toBeGreaterThan(0);
    // Split into cities: one city's suggestions, queue and occupancy page beside the network's.
    expect(results.scale.cities).toBe(2);
    for (const key of ['suggestions_ms', 'suggestions_network_ms', 'scoped_queue_ms', 'forecast_city_ms', 'city_occupancy_page_http_ms']) {
      expect(results.scale[key]).toBeGreaterThan(0);
    }
    expect(results.forecast.days_forecast).toBeGreaterThan(0);
    expect(results.forecast.mae_beds).toBeGreaterThanOrEqual(0);
    expect(results.forecast.naive_mae_beds).toBeGreaterThan(0);
    expect(results.forecast.mae_ratio_to_naive).toBeGreaterThan(0);
    const table = markdownTable(results);
    expect(table.split('\n')[0]).toBe('| part | figure | value | goal |');
    expect(table).toContain('| actions | double_bookings | 0 | 0 |');
    expect(table).toContain('| surge | double_bookings | 0 | 0 |');
  }, 240_000);
});
