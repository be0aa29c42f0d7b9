// One collator for every bed label comparison: "2" before "10". Building one per comparison is slow.
const collator = new Intl.Collator(undefined, { numeric: true });

export const compareLabels = (a: string, b: string) => collator.compare(a, b);
