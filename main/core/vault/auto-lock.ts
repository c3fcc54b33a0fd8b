/**
 * Decides when idle time should lock the vault. Main feeds it the OS idle time (keyboard and mouse,
 * measured by the OS, so a compromised renderer cannot keep the vault open by faking activity).
 */
export function shouldAutoLock(systemIdleSeconds: number, autoLockMinutes: number): boolean {
  return systemIdleSeconds >= autoLockMinutes * 60
}
