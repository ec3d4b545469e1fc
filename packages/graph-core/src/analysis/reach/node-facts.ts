/**
 * The domain facts the reach measures need, aligned with a projection's node indices: each node's type and, for
 * organisations, its sector as an index into `SIC_SECTION_LETTERS` (−1 for other nodes).
 */
import type { BridgeworkGraph } from '../../graph/bridgework-graph.js';
import { SIC_SECTION_LETTERS, type SicSection } from '../../model/sectors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';

export const NODE_TYPE_CODE = { person: 0, organisation: 1, event: 2, unknown: 3 } as const;

export interface NodeFacts {
  /** NODE_TYPE_CODE of each node index. */
  type: Uint8Array;
  /** Sector index (into SIC_SECTION_LETTERS) of each organisation; −1 for every other node. */
  sector: Int8Array;
}

const SECTOR_INDEX = new Map<SicSection, number>(SIC_SECTION_LETTERS.map((s, i) => [s, i]));

/** Types and sectors of the projection's nodes, read from the domain graph (unknown ids: type `unknown`). */
export function nodeFacts(domain: BridgeworkGraph, g: CompactGraph): NodeFacts {
  const type = new Uint8Array(g.n);
  const sector = new Int8Array(g.n).fill(-1);
  for (let i = 0; i < g.n; i++) {
    const node = domain.node(g.ids[i]!);
    if (!node) {
      type[i] = NODE_TYPE_CODE.unknown;
      continue;
    }
    type[i] = NODE_TYPE_CODE[node.type];
    if (node.type === 'organisation') sector[i] = SECTOR_INDEX.get(node.sector)!;
  }
  return { type, sector };
}

/** Bit of a sector index in a 21-bit sector mask. */
export const sectorBit = (sectorIndex: number): number => 1 << sectorIndex;

/** The sector letters present in a mask, in A–U order. */
export function sectorsOfMask(mask: number): SicSection[] {
  const out: SicSection[] = [];
  for (let s = 0; s < SIC_SECTION_LETTERS.length; s++) if (mask & (1 << s)) out.push(SIC_SECTION_LETTERS[s]!);
  return out;
}
