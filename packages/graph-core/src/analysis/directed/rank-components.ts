/**
 * Renumbering of component labels shared by the weak and strong components (internal; not re-exported): largest
 * component first, ties by the smallest node index in the component, so the numbering depends on the graph only.
 */
import type { CompactComponents } from '../structure/index.js';

/**
 * Rank raw labels (0 … k − 1, each component's label given in order of its smallest node index) by size; `raw` is
 * rewritten in place and returned as `component`.
 */
export function rankComponents(raw: Uint32Array, rawSizes: readonly number[]): CompactComponents {
  const count = rawSizes.length;
  // A stable sort by size keeps the smallest-index order among equal sizes.
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => rawSizes[b]! - rawSizes[a]! || a - b);
  const rank = new Uint32Array(count);
  const sizes = new Uint32Array(count);
  for (let r = 0; r < count; r++) {
    rank[order[r]!] = r;
    sizes[r] = rawSizes[order[r]!]!;
  }
  for (let i = 0; i < raw.length; i++) raw[i] = rank[raw[i]!]!;
  return { count, component: raw, sizes };
}
