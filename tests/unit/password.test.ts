import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { acceptInviteSchema } from '@/lib/validation/staff';

describe('password hashing', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so one password stored twice looks different', async () => {
    const first = await hashPassword('same password twice');
    const second = await hashPassword('same password twice');
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password twice', first)).toBe(true);
    expect(await verifyPassword('same password twice', second)).toBe(true);
  });

  it('stores scheme and parameters with the hash, never the password itself', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored.split('$')).toHaveLength(6);
    expect(stored).not.toContain('correct horse battery');
  });

  it('answers false, without throwing, for a stored hash that is not a valid scrypt hash', async () => {
    const malformed = [
      '',
      'plain-text-password',
      'scrypt$',
      'scrypt$1$2$3$$',
      'bcrypt$1024$8$1$c2FsdA$aGFzaA',
      // Right scheme, broken parameters: must still be a "no", not a crash of the sign-in.
      'scrypt$abc$8$1$c2FsdA$aGFzaA',
      'scrypt$1000$8$1$c2FsdA$aGFzaA',
    ];
    for (const stored of malformed) {
      await expect(
        verifyPassword('pw', stored).catch((error: Error) => `threw: ${error.message}`),
        stored,
      ).resolves.toBe(false);
    }
  });
});

describe('common passwords', () => {
  it('recognises well-known passwords, their stems with digits appended, and one repeated letter', () => {
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('PASSWORD1234')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaaaaa')).toBe(true);
  });

  it('recognises a keyboard walk long enough to pass the length rule', () => {
    expect(isCommonPassword('qwertyuiopasdf')).toBe(true);
  });

  it('lets a long, unusual passphrase through', () => {
    expect(isCommonPassword('violet tram under Galata 1987')).toBe(false);
    expect(isCommonPassword('kq7 Zumbra fennel -- lantern')).toBe(false);
  });
});

describe('accepting an invitation', () => {
  const base = { token: 'a'.repeat(43), name: 'Ayşe', password: 'violet tram under Galata', confirmPassword: 'violet tram under Galata' };
  const errorFor = (input: Record<string, string>, field: string) => {
    const result = acceptInviteSchema.safeParse(input);
    if (result.success) return undefined;
    return result.error.issues.find((issue) => issue.path[0] === field)?.message;
  };

  it('refuses an 11-character password as too short', () => {
    expect(errorFor({ ...base, password: 'tram Galata', confirmPassword: 'tram Galata' }, 'password')).toBe('passwordTooShort');
  });

  it('accepts a password of exactly 12 characters', () => {
    expect(acceptInviteSchema.safeParse({ ...base, password: 'tram Galata!', confirmPassword: 'tram Galata!' }).success).toBe(true);
  });

  it('refuses a common password even when it is long enough', () => {
    expect(errorFor({ ...base, password: 'password1234', confirmPassword: 'password1234' }, 'password')).toBe('passwordTooCommon');
  });

  it('refuses a confirmation that differs, on the confirmation field', () => {
    expect(errorFor({ ...base, confirmPassword: 'violet tram under Galata?' }, 'confirmPassword')).toBe('passwordsDiffer');
  });

  it('accepts a good password and trims the name', () => {
    const result = acceptInviteSchema.safeParse({ ...base, name: '  Ayşe  ' });
    expect(result.success).toBe(true);
    expect(result.data?.name).toBe('Ayşe');
    expect(result.data?.password).toBe('violet tram under Galata');
  });
});
