/**
 * A control's visible label followed, for assistive technology only, by what it acts on ("Check in,
 * Cem"): the same command on two rows of a page then has two names a screen reader can tell apart,
 * and the name still starts with the words on screen.
 */
export function LabelFor({ label, subject }: { label: string; subject?: string | null }) {
  return (
    <>
      {label}
      {subject ? <span className="visually-hidden">, {subject}</span> : null}
    </>
  );
}
