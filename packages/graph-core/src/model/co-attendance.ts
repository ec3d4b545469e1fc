/**
 * Weak ties from shared events. Two people who attended the same event have met, however briefly: a weak tie in
 * Granovetter's sense (1973) that fades unless renewed by meeting again. Each shared event contributes
 * `baseStrength · 2^(−days since the event / half-life)`; several shared events combine as 1 − Π(1 − sᵢ), so
 * meeting again renews and strengthens the tie. Derived, never stored: recomputed from attendance when needed.
 */
import type { BridgeworkGraph } from '../graph/bridgework-graph.js';
import type { Event, Tie } from './schemas.js';
import { canonicalTie, tieKey } from './schemas.js';
import { DEFAULT_EVENT_HALF_LIFE_DAYS, combineStrengths, dateToMs, effectiveStrength } from './strength.js';

export interface CoAttendanceOptions {
  /** The moment strengths are computed for. */
  now: Date;
  /** Strength of the tie right after one shared event. */
  baseStrength?: number;
  halfLifeDays?: number;
  /** Ties weaker than this are left out. */
  minStrength?: number;
  /** Only events held on or before this instant count (the network as it stood then); default: every event. */
  asOf?: Date;
  /** Events to leave out (e.g. the one being planned: sitting at it has not made anyone acquainted yet). */
  exceptEvents?: ReadonlySet<string>;
  /** Only pairs among these people (only their events are read); default everyone. */
  people?: ReadonlySet<string>;
}

export const DEFAULT_CO_ATTENDANCE = { baseStrength: 0.15, halfLifeDays: DEFAULT_EVENT_HALF_LIFE_DAYS, minStrength: 0.01 };

/**
 * The `met-at-event` ties implied by attendance, one per pair of people who attended at least one event together.
 * Their `strength` is already the strength at `now` (decay applied): do not decay it again.
 */
export function coAttendanceTies(g: BridgeworkGraph, options: CoAttendanceOptions): Tie[] {
  const base = options.baseStrength ?? DEFAULT_CO_ATTENDANCE.baseStrength;
  const halfLifeDays = options.halfLifeDays ?? DEFAULT_CO_ATTENDANCE.halfLifeDays;
  const minStrength = options.minStrength ?? DEFAULT_CO_ATTENDANCE.minStrength;
  const pairs = new Map<string, { tie: Tie; parts: number[] }>();
  const asOf = options.asOf?.getTime() ?? Infinity;
  const { exceptEvents, people } = options;
  let events: Iterable<Event> = g.events();
  if (people) {
    const ids = new Set<string>();
    for (const p of people) for (const t of g.tiesOf(p)) if (t.kind === 'attended' && t.source === p) ids.add(t.target);
    events = [...ids].sort().flatMap((id) => g.event(id) ?? []);
  }
  for (const event of events) {
    if (dateToMs(event.date) > asOf || exceptEvents?.has(event.id)) continue;
    const attendees = g
      .tiesOf(event.id)
      .filter((t) => t.kind === 'attended' && t.target === event.id && (!people || people.has(t.source)))
      .map((t) => t.source)
      .sort();
    const s = effectiveStrength({ strength: base, lastContact: event.date }, options.now, { halfLifeDays });
    for (let i = 0; i < attendees.length; i++) {
      for (let j = i + 1; j < attendees.length; j++) {
        const tie = canonicalTie({
          source: attendees[i]!,
          target: attendees[j]!,
          kind: 'met-at-event' as const,
          strength: 0,
          strengthSource: 'derived' as const,
          since: event.date,
          lastContact: event.date,
          provenance: `event:${event.id}`,
          attributes: {},
        });
        const key = tieKey(tie);
        const entry = pairs.get(key);
        if (!entry) pairs.set(key, { tie, parts: [s] });
        else {
          entry.parts.push(s);
          if (event.date > (entry.tie.lastContact ?? '')) entry.tie = { ...entry.tie, lastContact: event.date };
          if (event.date < (entry.tie.since ?? event.date)) entry.tie = { ...entry.tie, since: event.date };
        }
      }
    }
  }
  const out: Tie[] = [];
  for (const { tie, parts } of pairs.values()) {
    const strength = combineStrengths(parts);
    if (strength >= minStrength) out.push({ ...tie, strength, attributes: { events: parts.length } });
  }
  return out;
}
