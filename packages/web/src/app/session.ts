/** The signed-in key and what it may do, kept in sessionStorage only (gone when the tab closes; never localStorage). */
export interface Session {
  key: string;
  /** The caseload route answered: a coach (or an admin). */
  coach: boolean;
  /** The analytics summary answered: an analyst (or an admin, or a service with analytics:read). */
  analyst: boolean;
}

const STORE_KEY = 'bridgework.session';

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.key === 'string' ? { key: s.key, coach: s.coach === true, analyst: s.analyst === true } : null;
  } catch {
    return null;
  }
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(STORE_KEY, JSON.stringify(s));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORE_KEY);
}
