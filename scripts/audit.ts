import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict';

// `npm test` and CI: known vulnerabilities in what runs in production (dev tools are left out).
const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 60_000 });
const verdict = auditVerdict(run.stdout ?? '', { strict: process.env.AUDIT_STRICT === '1' });
(verdict.ok ? console.log : console.error)(verdict.message);
process.exit(verdict.ok ? 0 : 1);
