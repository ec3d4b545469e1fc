/**
 * Tie strength and how it fades.
 *
 * Granovetter (1973, "The Strength of Weak Ties", AJS 78:1360) defines the strength of a tie as a combination of the
 * amount of time, the emotional intensity, the intimacy (mutual confiding) and the reciprocal services it carries.
 * `deriveStrength` turns what a coach can record — how often two people are in contact, for how long they have known
 * each other, and how close they are — into a strength in [0, 1]. `effectiveStrength` lets a tie fade with the time
 * since the last contact, with a configurable half-life (Burt 2000, "Decay functions", Social Networks 22:1, finds
 * bridging ties decay fastest; a half-life of about six months matches his yearly survival rates for new ties).
 */
import { BridgeworkError } from '../errors.js';
import type { DateString } from './schemas.js';

export interface StrengthInputs {
  /** Contacts a month (time spent together). */
  contactsPerMonth?: number;
  /** Years the two have known each other. */
  years?: number;
  /** Closeness as the person rates it, 0 (acquaintance) to 1 (confidant): emotional intensity and intimacy. */
  closeness?: number;
  /** Whether help flows both ways (reciprocal services). */
  reciprocal?: boolean;
}

/** Weights of the four dimensions in `deriveStrength`; they sum to 1. */
export const STRENGTH_WEIGHTS = { frequency: 0.35, duration: 0.2, closeness: 0.35, reciprocity: 0.1 } as const;

/**
 * A strength in [0, 1] from Granovetter's dimensions. Frequency and duration saturate (4 contacts a month and 3 years
 * each give 63% of their share); a missing dimension is left out and the others re-weighted. Throws when no dimension
 * is given or one is out of range.
 */
export function deriveStrength(inputs: StrengthInputs): number {
  const parts: [number, number][] = [];
  const { contactsPerMonth, years, closeness, reciprocal } = inputs;
  if (contactsPerMonth !== undefined) {
    if (!(contactsPerMonth >= 0)) throw new BridgeworkError('validation', 'graph-core/strength: contactsPerMonth must be ≥ 0');
    parts.push([STRENGTH_WEIGHTS.frequency, 1 - Math.exp(-contactsPerMonth / 4)]);
  }
  if (years !== undefined) {
    if (!(years >= 0)) throw new BridgeworkError('validation', 'graph-core/strength: years must be ≥ 0');
    parts.push([STRENGTH_WEIGHTS.duration, 1 - Math.exp(-years / 3)]);
  }
  if (closeness !== undefined) {
    if (!(closeness >= 0 && closeness <= 1)) throw new BridgeworkError('validation', 'graph-core/strength: closeness must be in [0, 1]');
    parts.push([STRENGTH_WEIGHTS.closeness, closeness]);
  }
  if (reciprocal !== undefined) parts.push([STRENGTH_WEIGHTS.reciprocity, reciprocal ? 1 : 0]);
  if (parts.length === 0) throw new BridgeworkError('validation', 'graph-core/strength: give at least one of contactsPerMonth, years, closeness, reciprocal');
  const total = parts.reduce((s, [w]) => s + w, 0);
  return parts.reduce((s, [w, v]) => s + w * v, 0) / total;
}

export interface DecayOptions {
  /** Days after which an uncontacted tie keeps half its strength. */
  halfLifeDays?: number;
}

export const DEFAULT_HALF_LIFE_DAYS = 180;
export const DEFAULT_EVENT_HALF_LIFE_DAYS = 90;

const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch of a date string (a calendar date is midnight UTC). A calendar date is read digit by
 * digit without building a string (projections read one or two per tie, and the garbage of a million concatenations
 * cost more than the parsing); anything else — a time of day, or a date this fast path does not vouch for — goes to
 * `Date.parse`, which gives the same answer for the dates the fast path reads.
 */
export function dateToMs(date: DateString): number {
  if (date.length === 10) {
    const y = digits(date, 0, 4);
    const m = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45 && y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 28) return Date.UTC(y, m - 1, d);
    return Date.parse(`${date}T00:00:00Z`);
  }
  return Date.parse(date);
}

/** The decimal number in s[from, to), or −1 when a character there is not a digit. */
function digits(s: string, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    x = x * 10 + c;
  }
  return x;
}

/**
 * The strength a tie has now: `strength · 2^(−days since last contact / half-life)`. With no last contact (nor
 * since-date) the tie does not fade; a contact in the future counts as today.
 */
export function effectiveStrength(
  tie: { strength: number; lastContact?: DateString | null; since?: DateString | null },
  now: Date,
  options: DecayOptions = {},
): number {
  const halfLife = options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const when = tie.lastContact ?? tie.since;
  if (!when || !(halfLife > 0) || !Number.isFinite(halfLife)) return tie.strength;
  const days = Math.max(0, (now.getTime() - dateToMs(when)) / DAY_MS);
  return tie.strength * Math.pow(2, -days / halfLife);
}

/** Combine parallel ties between the same two people into one strength: 1 − Π(1 − sᵢ) (any one may carry the tie). */
export function combineStrengths(strengths: Iterable<number>): number {
  let miss = 1;
  for (const s of strengths) miss *= 1 - Math.min(1, Math.max(0, s));
  return 1 - miss;
}
