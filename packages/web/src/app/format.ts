/** Pure helpers for what the screens show (no DOM): numbers in words, the funnel, colours. */
import type { HealthPoint as ApiHealthPoint } from './api-types.generated.js';
import type { Introduction } from './types.js';

/** `0.4231` → `42%`; null → `–`. */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${Math.round(share * 100)}%`;
}

/** A number to `digits` decimals, or `–`. */
export function decimal(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

/**
 * Burt's constraint in words: how far a person's contacts all know each other (a closed network gives little new
 * information). The bands are a reading aid for coaches, not thresholds from the literature.
 */
export function constraintWords(c: number | null | undefined): string {
  if (c === null || c === undefined || !Number.isFinite(c)) return 'no contacts yet';
  if (c >= 0.5) return 'closed: their contacts mostly know each other';
  if (c >= 0.25) return 'fairly closed';
  return 'open: contacts in separate groups';
}

/** A key as `bridgework keys create` prints it: `bw_` + 16 hex digits + `_` + 43 base64url characters. */
export const KEY_PATTERN = /^bw_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/;

/** Why a typed key cannot be right, or null if it looks like a key. */
export function keyProblem(key: string): string | null {
  const k = key.trim();
  if (k === '') return 'Enter your API key.';
  if (!k.startsWith('bw_')) return 'A Bridgework key starts with bw_ — check that the whole key was pasted.';
  if (!KEY_PATTERN.test(k)) return 'That is not a whole Bridgework key (bw_, 16 letters and digits, _, then 43 more characters).';
  return null;
}

/** The introduction funnel's steps, in order. */
export const FUNNEL_STEPS = ['proposed', 'accepted', 'made', 'outcome'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/** How many introductions reached each step (an introduction that was made also counts as proposed and accepted). */
export function funnel(intros: readonly Pick<Introduction, 'status' | 'outcome'>[]): Record<FunnelStep, number> {
  const out: Record<FunnelStep, number> = { proposed: 0, accepted: 0, made: 0, outcome: 0 };
  for (const i of intros) {
    out.proposed++;
    const made = i.status === 'made' || i.status === 'closed';
    if (i.status === 'accepted' || made) out.accepted++;
    if (made) out.made++;
    if (i.status === 'closed' && i.outcome !== null) out.outcome++;
  }
  return out;
}

/** Outcomes a made introduction can record (the API's list). */
export const OUTCOMES = ['met', 'helpful', 'interview', 'job', 'declined', 'no-reply'] as const;

/**
 * Colours of the twelve largest communities: the Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008) extended with
 * four darker tones; smaller communities share grey.
 */
export const COMMUNITY_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7A5195', '#8C6D1F', '#3D7A3D', '#B8336A', '#2F4B7C', '#5E8C8C'] as const;
export const OTHER_COLOUR = '#9AA0A6';

/** Community → colour, the largest communities first. */
export function communityColours(communities: readonly number[]): Map<number, string> {
  const sizes = new Map<number, number>();
  for (const c of communities) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const ranked = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return new Map(ranked.map(([c], i) => [c, COMMUNITY_COLOURS[i] ?? OTHER_COLOUR]));
}

/** Node size on the map from betweenness: 3 px, up to 16 px for the node of highest betweenness (area-like √ scale). */
export function sizeByBetweenness(b: number, max: number): number {
  return max > 0 ? 3 + 13 * Math.sqrt(Math.max(0, b) / max) : 4;
}

/** A heatmap cell's background for a share in [0, 1]: white to dark blue; text turns white on dark cells. */
export function heatColour(share: number): { background: string; text: string } {
  const s = Math.min(1, Math.max(0, share));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * s);
  const background = `rgb(${mix(255, 8)}, ${mix(255, 48)}, ${mix(255, 107)})`;
  return { background, text: s > 0.55 ? '#ffffff' : '#1b1b1b' };
}

/** One bar of a histogram: its label on the axis and how many values fall in it. */
export interface HistogramBin {
  label: string;
  count: number;
}

/**
 * Degrees (whole numbers ≥ 0) in at most `maxBins` bins of equal width from 0 to the largest degree; a bin of width one
 * is labelled `3`, a wider one `3–5`. No values: no bins.
 */
export function degreeBins(degrees: readonly number[], maxBins = 12): HistogramBin[] {
  if (degrees.length === 0) return [];
  const max = Math.max(0, ...degrees.map((d) => Math.floor(d)));
  const width = Math.max(1, Math.ceil((max + 1) / maxBins));
  const bins = Array.from({ length: Math.floor(max / width) + 1 }, (_, i) => ({ label: width === 1 ? String(i) : `${i * width}–${i * width + width - 1}`, count: 0 }));
  for (const d of degrees) bins[Math.floor(Math.max(0, Math.floor(d)) / width)]!.count++;
  return bins;
}

/**
 * Burt's constraint (Burt 1992) in ten bins of 0.1 from 0; the last holds 0.9 and above (constraint can pass 1 in small
 * networks). People with no ties have no constraint: they are counted apart as `undefined`.
 */
export function constraintBins(values: readonly (number | null)[]): { bins: HistogramBin[]; undefined: number } {
  const bins = Array.from({ length: 10 }, (_, i) => ({ label: i === 9 ? '≥ 0.9' : `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`, count: 0 }));
  let undef = 0;
  for (const c of values) {
    if (c === null || !Number.isFinite(c)) undef++;
    else bins[Math.min(9, Math.max(0, Math.floor(c * 10 + 1e-9)))]!.count++;
  }
  return { bins, undefined: undef };
}

/** What `changeWords` reads of a member's network health at one date (the API's `HealthPoint`). */
export type HealthPoint = Pick<ApiHealthPoint, 'date' | 'size' | 'weakTieShare' | 'constraint' | 'sectorsTwoSteps'>;

/**
 * The change between two points in a coach's words, each part with a direction a coach reads as better or worse:
 * more contacts and sectors are better, constraint falling is better (the network opening up). Changes of constraint
 * under 0.01 are left out. No change at all: `no change`.
 */
export function changeWords(then: HealthPoint, now: HealthPoint): { text: string; better: boolean | null }[] {
  const out: { text: string; better: boolean | null }[] = [];
  const signed = (d: number, unit: string, plural = `${unit}s`) => `${d > 0 ? '+' : '−'}${Math.abs(d)} ${Math.abs(d) === 1 ? unit : plural}`;
  const contacts = now.size - then.size;
  if (contacts !== 0) out.push({ text: signed(contacts, 'contact'), better: contacts > 0 });
  const sectors = now.sectorsTwoSteps.length - then.sectorsTwoSteps.length;
  if (sectors !== 0) out.push({ text: signed(sectors, 'sector'), better: sectors > 0 });
  if (now.constraint !== null && then.constraint !== null) {
    const d = now.constraint - then.constraint;
    if (Math.abs(d) >= 0.01) out.push({ text: `constraint ${d < 0 ? '↓' : '↑'}${Math.abs(d).toFixed(2)}`, better: d < 0 });
  }
  if (out.length === 0) out.push({ text: 'no change', better: null });
  return out;
}
