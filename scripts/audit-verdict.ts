/**
 * Reads `npm audit --omit=dev --audit-level=high --json`. A known high or critical vulnerability in a
 * runtime dependency fails the build with the packages and advisories named. An audit that could not
 * run (registry down, a mirror without the advisory endpoint) is not a vulnerability: it is reported
 * loudly and passes, unless the operator asks for a strict gate (AUDIT_STRICT=1).
 */
type Advisory = { title?: string; url?: string; severity?: string };
type Report = {
  vulnerabilities?: Record<string, { severity: string; via: (Advisory | string)[] }>;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: unknown;
};

export type AuditVerdict = { ok: boolean; message: string };
const SERIOUS = ['high', 'critical'];

export function auditVerdict(output: string, options: { strict: boolean }): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(output) as Report;
  } catch {
    return unchecked('npm audit printed no report', options);
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) return unchecked(report.message ?? 'npm audit gave no figures', options);
  const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => SERIOUS.includes(v.severity));
  if (serious.length === 0)
    return {
      ok: true,
      message: `npm audit: no known high or critical vulnerability in runtime dependencies (${counts.total ?? 0} lower).`,
    };
  const lines = serious.map(([name, v]) => {
    const advisories = v.via.filter((via): via is Advisory => typeof via === 'object').map((a) => `${a.title} ${a.url}`);
    return `  - ${name} (${v.severity})${advisories.length ? `: ${advisories.join('; ')}` : ` (through ${v.via.join(', ')})`}`;
  });
  return {
    ok: false,
    message: [
      `npm audit: ${serious.length} runtime ${serious.length === 1 ? 'dependency has' : 'dependencies have'} a known high or critical vulnerability:`,
      ...lines,
      'Upgrade them (npm audit fix, or a newer pinned version) before merging.',
    ].join('\n'),
  };
}

function unchecked(reason: string, options: { strict: boolean }): AuditVerdict {
  const message = `npm audit could not check the runtime dependencies: ${reason}. ${options.strict ? 'AUDIT_STRICT=1: failing.' : 'Passing without the check; set AUDIT_STRICT=1 to fail instead.'}`;
  return { ok: !options.strict, message };
}
