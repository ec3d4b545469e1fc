/**
 * Plain-English reasons a coach can read aloud, built only from the data: the people's names, job titles and
 * workplaces, sectors by their SIC 2007 labels, the kinds of the ties on the path, the events people met at and the
 * structural facts the features found. Nothing is said that the graph does not hold; no pronouns are guessed.
 */
import { TIE_KIND_NAMES, sectorLabel, type Event, type SicSection, type TieKind } from '@bridgework/graph-core';
import { maskSectors, type SuggestIndex } from './suggest-index.js';

/**
 * How two people are related, read from the index (no graph lookups): the tie kinds between them, the strongest
 * recorded one and its direction, and — when they met at events — the events both attended, latest first.
 */
export interface Relation {
  kinds: (TieKind | 'met-at-event')[];
  best: { kind: TieKind; forward: boolean } | null;
  sharedEvents: Event[];
}

const MET = TIE_KIND_NAMES.indexOf('met-at-event');

/** The relation of person a to person b (indices of `index.g`), seen from a. */
export function relationOf(index: SuggestIndex, a: number, b: number): Relation {
  const slot = index.g.slot(a, b);
  if (slot < 0) return { kinds: [], best: null, sharedEvents: [] };
  const mask = index.slotKinds[slot]!;
  const bestKind = index.slotBestKind[slot]!;
  const kinds: (TieKind | 'met-at-event')[] = [];
  if (bestKind >= 0) kinds.push(TIE_KIND_NAMES[bestKind]!);
  for (let k = 0; k < TIE_KIND_NAMES.length; k++) if (mask & (1 << k) && k !== bestKind && k !== MET) kinds.push(TIE_KIND_NAMES[k]!);
  const sharedEvents: Event[] = [];
  if (mask & (1 << MET)) {
    kinds.push('met-at-event');
    const ea = index.attended.get(index.g.ids[a]!) ?? [];
    for (const id of index.attended.get(index.g.ids[b]!) ?? []) {
      if (!ea.includes(id)) continue;
      const ev = index.graph.event(id);
      if (ev) sharedEvents.push(ev);
    }
    sharedEvents.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
  }
  return { kinds, best: bestKind >= 0 ? { kind: TIE_KIND_NAMES[bestKind]!, forward: index.slotBestForward[slot] === 1 } : null, sharedEvents };
}

/** How `a` is related to `b`, as a verb phrase before b's name: "has worked with", "met … at …". */
export function relationPhrase(rel: Relation, bName: string): string {
  const best = rel.best;
  const ev = rel.sharedEvents[0];
  if (!best) {
    if (!ev) return `is connected to ${bName}`;
    return rel.sharedEvents.length > 1
      ? `keeps meeting ${bName} at events, most recently ${ev.name} on ${ev.date.slice(0, 10)}`
      : `met ${bName} at ${ev.name} on ${ev.date.slice(0, 10)}`;
  }
  switch (best.kind) {
    case 'friend':
      return `is friends with ${bName}`;
    case 'family':
      return `is family to ${bName}`;
    case 'knows':
      return `knows ${bName}`;
    case 'worked-with':
      return `has worked with ${bName}`;
    case 'introduced':
      return `was introduced to ${bName}`;
    case 'mentors':
      return best.forward ? `mentors ${bName}` : `is mentored by ${bName}`;
    case 'coaches':
      return best.forward ? `coaches ${bName}` : `is coached by ${bName}`;
    default:
      return `is connected to ${bName}`;
  }
}

export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

/** A sector's label in running text: "accommodation and food service activities". */
export const sectorText = (s: SicSection): string => {
  const label = sectorLabel(s);
  return label.charAt(0).toLowerCase() + label.slice(1);
};

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const sectorsText = (mask: number): string => listText(maskSectors(mask).map(sectorText));
