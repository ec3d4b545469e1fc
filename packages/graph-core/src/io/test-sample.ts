/**
 * A small graph with every field of every record set (and some nulls and defaults), shared by the round-trip tests
 * of the io module. Not exported from the package.
 */
import { GraphDataSchema, type GraphData } from '../model/schemas.js';

/** Every field set at least once: consent, goals, lists, nulls, derived/default strengths, attributes, awkward text. */
export function sampleGraph(): GraphData {
  return GraphDataSchema.parse({
    people: [
      {
        id: 'p-ann',
        name: 'Ann O\'Neill, "Annie"',
        roles: ['member', 'volunteer'],
        sectors: ['I', 'G'],
        skills: ['cooking', 'food hygiene level 2', 'customer service'],
        goals: { sectors: ['I', 'Q'], roles: ['chef', 'kitchen porter'] },
        area: 'North <Ward> & Co',
        coachId: 'p-cal',
        consent: { introductions: true, recordedAt: '2024-03-01', recordedBy: 'coach:p-cal' },
      },
      {
        id: 'p-cal',
        name: 'Cal Coach',
        roles: ['coach', 'staff'],
        sectors: [],
        skills: [],
        goals: { sectors: [], roles: [] },
        area: null,
        coachId: null,
        consent: { introductions: false, recordedAt: '2024-03-02T10:15:00+01:00', recordedBy: null },
      },
      { id: 'p-dee', name: '=HYPERLINK("http://x")', skills: ['-minus first', '@at'], area: 'Line one\nline two' },
      { id: 'p-eve', name: 'Eve 😀 Ünïcödé', consent: { introductions: true, recordedAt: null, recordedBy: null } },
    ],
    organisations: [
      { id: 'o-cafe', name: 'Corner Café', sector: 'I', size: 'micro', area: 'North', hiring: true },
      { id: 'o-care', name: 'Care; Homes Ltd', sector: 'Q', size: null, area: null, hiring: false },
    ],
    events: [
      { id: 'e-fair', name: 'Spring job fair', kind: 'job-fair', date: '2024-04-10', area: 'Town hall' },
      { id: 'e-lunch', name: 'Friday lunch', kind: 'lunch', date: '2024-04-12T12:30:00Z', area: null },
    ],
    ties: [
      {
        source: 'p-ann',
        target: 'p-cal',
        kind: 'coaches',
        strength: 0.62,
        strengthSource: 'derived',
        since: '2023-11-01',
        lastContact: '2024-04-01T09:00:00Z',
        provenance: 'coach:p-cal',
        attributes: { note: 'met at the drop-in, "first" visit', sessions: 12, verified: true, ratio: -0.25 },
      },
      { source: 'p-cal', target: 'p-ann', kind: 'knows', strength: 0.3, strengthSource: 'default' },
      {
        source: 'p-ann',
        target: 'o-cafe',
        kind: 'works-at',
        strength: 0.1 + 0.2,
        attributes: { since: 'summer', weight: 3 },
      },
      { source: 'p-dee', target: 'e-fair', kind: 'attended', strength: 0, provenance: 'import:ties.csv' },
      { source: 'o-cafe', target: 'o-care', kind: 'supplies', strength: 1, lastContact: '2024-01-31' },
      { source: 'p-eve', target: 'p-dee', kind: 'linked', strength: 0.5, attributes: { count: 3 } },
    ],
  });
}
