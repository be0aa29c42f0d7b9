/**
 * "No connection. This is the copy saved at 14:05.": hidden on the live page, shown at the top of the
 * saved copy (lib/guest-link/saved-copy.ts) and, with JavaScript, on an open page that loses its network.
 */
export function OfflineNote({ text }: { text: string }) {
  return (
    <section className="offline-note" role="note">
      <p>{text}</p>
    </section>
  );
}

/**
 * Forms that need the server. The saved copy disables them (a disabled fieldset disables every control
 * in it, nested forms included) and shows the line that says what to do instead.
 */
export function NeedsConnection({ note, children }: { note: React.ReactNode; children: React.ReactNode }) {
  return (
    <fieldset className="needs-connection">
      <p className="needs-connection-note">{note}</p>
      {children}
    </fieldset>
  );
}
