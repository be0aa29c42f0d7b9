import { describe, expect, it } from 'vitest';
import { markdownTable } from '../bench/run';
import { smokeFailures } from '../bench/smoke-checks';

const EVERY_PART = ['reservations', 'http', 'actions', 'weight', 'surge', 'scale', 'forecast'];

/** Figures as a healthy smoke run reports them. */
function healthyRun(): Record<string, Record<string, unknown>> {
  return {
    reservations: {
      double_bookings: 0,
      busy_errors: 0,
      per_second: 900,
      floor_per_second: 4000,
      wal_pages_per_reservation: 6,
      wal_pages_per_floor_commit: 1,
      one_process_domain_us: 200,
      one_process_reservation_us: 900,
    },
    http: {
      health_per_second: 800,
      arrival_page_per_second: 300,
      bed_board_per_second: 40,
      health_cpu_ms: 3,
      staff_chrome_cpu_ms: 16,
      bed_board_cpu_ms: 30,
      queue_cpu_ms: 30,
      household_cpu_ms: 30,
    },
    actions: { double_bookings: 0, reservations: 12 },
    weight: { arrival_page_gzip_bytes: 6000, arrival_page_js_bytes: 0, sign_in_js_gzip_bytes: 140_000 },
    surge: {
      volunteers_at_p95_300ms: 60,
      volunteers_at_p95_300ms_2_processes: 60,
      health_per_second_2_processes: 700,
      reservations_2_processes: 2,
      mix_2_processes: 'queue 40%, board 60%',
      failures: 0,
      double_bookings: 0,
    },
    scale: {
      beds: 80,
      cities: 2,
      suggestions_3_nights_ms: 4,
      suggestions_ms: 2,
      suggestions_network_ms: 3,
      scoped_queue_ms: 1,
      offers_queue_ms: 1,
      homes: 20,
      suggestions_with_homes_ms: 3,
      suggestions_with_homes_homes_suggested: 5,
      forecast_city_ms: 5,
      city_occupancy_page_http_ms: 30,
    },
    forecast: { days_forecast: 8, mae_beds: 1.5, naive_mae_beds: 2.5, mae_ratio_to_naive: 0.6 },
  };
}

describe('npm run bench -- --smoke: its checks', () => {
  it('pass a healthy run of every part', () => {
    const results = healthyRun();
    expect(smokeFailures(EVERY_PART, results, markdownTable(results))).toEqual([]);
  });

  it('name each figure that went missing or stopped making sense', () => {
    const results = healthyRun();
    delete results.http.bed_board_per_second;
    results.surge.double_bookings = 1;
    results.surge.reservations_2_processes = 0;
    results.surge.mix_2_processes = 'board 100%';
    results.weight.arrival_page_gzip_bytes = 20_000;
    delete results.forecast;
    expect(smokeFailures(EVERY_PART, results, markdownTable(results))).toEqual([
      'http.bed_board_per_second is reported',
      'weight.arrival_page_gzip_bytes ≤ 14336',
      'surge.reservations_2_processes > 0',
      'surge.mix_2_processes contains the queue',
      'surge.double_bookings = 0',
      'forecast.days_forecast > 0',
      'forecast.mae_beds ≥ 0',
      'forecast.naive_mae_beds > 0',
      'forecast.mae_ratio_to_naive > 0',
      'the table shows surge: double_bookings 0 against a goal of 0',
    ]);
  });

  it('fail the surge on any failure of its walk, and never on a time', () => {
    const results = healthyRun();
    results.surge.mix_2_processes = 'queue 40% (p50 9000 / p95 60000 ms), board 60% (p50 8000 / p95 45000 ms)';
    expect(smokeFailures(EVERY_PART, results, markdownTable(results))).toEqual([]);
    results.surge.failures = 1;
    expect(smokeFailures(EVERY_PART, results, markdownTable(results))).toEqual(['surge.failures = 0']);
    // A level with a failure is not passed: no volunteers are reported.
    results.surge.volunteers_at_p95_300ms = 0;
    results.surge.volunteers_at_p95_300ms_2_processes = 0;
    expect(smokeFailures(EVERY_PART, results, markdownTable(results))).toEqual([
      'surge.volunteers_at_p95_300ms > 0',
      'surge.volunteers_at_p95_300ms_2_processes > 0',
      'surge.failures = 0',
    ]);
  });

  it('check only the parts that ran', () => {
    const { scale } = healthyRun();
    expect(smokeFailures(['scale'], { scale }, markdownTable({ scale }))).toEqual([]);
  });
});
