import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn's list of the ~30,000 most used passwords, the field's standard source for this check.
let common: Set<string> | undefined;

// Runs along a keyboard row or the alphabet ("qwertyuiopasdf", "1234567890ab") are guessed first.
const SEQUENCES = ['qwertyuiopasdfghjklzxcvbnm', 'abcdefghijklmnopqrstuvwxyz', '12345678901234567890', 'йцукенгшщзхъфывапролджэячсмитьбю'];
const isSequence = (value: string) => SEQUENCES.some((seq) => seq.includes(value) || [...seq].reverse().join('').includes(value));

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  const lower = password.toLowerCase();
  // "password1234" or "qwertyuiop!!" are as weak as their stem.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return (
    common.has(lower) ||
    (stem.length >= 6 && common.has(stem)) ||
    /^(.)\1+$/u.test(lower) ||
    isSequence(lower) ||
    (stem.length >= 8 && isSequence(stem))
  );
}
