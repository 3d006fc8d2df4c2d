/**
 * Whether this browser has seen the start screen: remembered in localStorage, so a reload opens on
 * the running page and does not nag. Without storage (privacy mode) the screen shows on each visit.
 */
const STORAGE_KEY = 'kituo.startSeen';

export function startScreenSeen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberStartScreenSeen(): void {
  try {
    localStorage.setItem(STORAGE_KEY, '1');
  } catch {
    // Not remembered: the next visit shows the screen again, which is harmless.
  }
}
