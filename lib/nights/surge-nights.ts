/** Whether SQLite refused a bed-night because a surge bed is not there that night (migration 0023, decision 0026). */
export function isSurgeNightRefusal(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'SQLITE_CONSTRAINT_TRIGGER' && message === 'surge_night';
}
