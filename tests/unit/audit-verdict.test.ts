import { describe, expect, it } from 'vitest';
import { auditVerdict } from '@/scripts/audit-verdict';

const report = (vulnerabilities: object, counts: object) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
const nextAdvisory = {
  source: 1,
  name: 'next',
  title: 'Denial of Service with Server Components',
  url: 'https://github.com/advisories/GHSA-mwv6-3258-q52c',
  severity: 'high',
};

describe('the dependency audit', () => {
  it('fails on a high vulnerability in a runtime dependency, naming the package and the advisory', () => {
    const verdict = auditVerdict(report({ next: { severity: 'high', via: [nextAdvisory] } }, { high: 1, total: 1 }), { strict: false });
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain(
      'next (high): Denial of Service with Server Components https://github.com/advisories/GHSA-mwv6-3258-q52c',
    );
  });

  it('names the package a vulnerability comes through', () => {
    const verdict = auditVerdict(report({ 'next-auth': { severity: 'critical', via: ['@auth/core'] } }, { critical: 1, total: 1 }), {
      strict: false,
    });
    expect(verdict).toMatchObject({ ok: false, message: expect.stringContaining('next-auth (critical) (through @auth/core)') });
  });

  it('passes with only lower-severity findings or none', () => {
    expect(auditVerdict(report({ qrcode: { severity: 'moderate', via: [] } }, { moderate: 1, total: 1 }), { strict: false }).ok).toBe(true);
    expect(auditVerdict(report({}, { total: 0 }), { strict: false }).ok).toBe(true);
  });

  it('says so when the audit could not run, and fails then only when strict', () => {
    const unreachable = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      error: { summary: '' },
    });
    expect(auditVerdict(unreachable, { strict: false })).toEqual({
      ok: true,
      message: expect.stringContaining('could not check the runtime dependencies: 405 Method Not Allowed'),
    });
    expect(auditVerdict(unreachable, { strict: true }).ok).toBe(false);
    expect(auditVerdict('', { strict: true }).ok).toBe(false);
  });
});
