import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLogins } from '@/scripts/demo-logins';

describe('the demo logins', () => {
  it('are printed as the screens name people, and each is in the README with who it is', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const logins = demoLogins();
    expect(logins.map((login) => login.who)).toEqual([
      'admin of every city',
      'guide in Istanbul',
      'host of the Fatih shelter',
      'guide in Yerevan',
      'admin of Istanbul',
    ]);
    for (const login of logins) expect(readme).toContain(`| ${login.who} | \`${login.email}\` |`);
  });
});
