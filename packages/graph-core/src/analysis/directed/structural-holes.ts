/**
 * Burt's structural-hole measures on a directed graph — constraint, effective size, efficiency and hierarchy —
 * exactly as NetworkX 2.8.8's `networkx.algorithms.structuralholes` computes constraint and effective size for a
 * DiGraph (Burt 1992, Structural Holes: The Social Structure of Competition, Harvard University Press, ch. 2; Burt
 * 2004, "Structural holes and good ideas", American Journal of Sociology 110:349–399).
 *
 * NetworkX's directed definitions:
 * - the contacts of u are its predecessors ∪ successors, N(u) (`nx.all_neighbors`);
 * - the mutual weight of u and v is a_uv + a_vu, the weights of both arcs (each arc counts 1 when unweighted, so an
 *   unweighted reciprocated tie weighs 2 and a one-way tie 1);
 * - p_uv = mutual(u, v) / Σ_{x ∈ N(u)} mutual(u, x); m_vw = mutual(v, w) / max_{x ∈ N(v)} mutual(v, x);
 * - local constraint ℓ(u, v) = (p_uv + Σ_{w ∈ N(u)} p_uw p_wv)², constraint C(u) = Σ_{v ∈ N(u)} ℓ(u, v);
 * - effective size e(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u)} p_uw m_vw) — always Burt's general formula: Borgatti's
 *   shortcut n − 2t/n is used only for undirected unweighted graphs.
 * These are the undirected weighted definitions applied to the symmetrised graph whose edge {u, v} weighs
 * mutual(u, v), so the measures come from `structuralHoles(symmetrise(d, { merge: 'sum' }), { weighted: true })`
 * (the triangle-based pass of ../structural-holes/ego-pass.ts): O(m · arboricity) instead of NetworkX's O(Σ k³).
 *
 * NetworkX quirk, reproduced by default: it tests `len(G[v]) == 0` for "isolated", and G[v] of a DiGraph holds only
 * the SUCCESSORS, so a node with in-arcs but no out-arcs (a sink: on email-Eu-core, 162 of 1,005 nodes) gets NaN
 * constraint and effective size although its contacts are well defined. With `networkxSinks: false` such nodes get
 * the values of the formulas above; only nodes without any contact are undefined. Efficiency (effective size /
 * number of contacts |N(u)|, Burt 1992 p. 53) and hierarchy (Burt 1992 p. 71, over the local constraints; see
 * ../structural-holes/hierarchy.ts), which NetworkX lacks, follow the same rule. Note that NetworkX's documentation
 * example divides effective size by `G.degree(v)` — in + out arcs, counting a reciprocated contact twice — whereas
 * efficiency here divides by the number of contacts, as Burt does.
 */
import { structuralHoles, type StructuralHoles } from '../structural-holes/index.js';
import { symmetrise, type DirectedCompactGraph } from './directed-graph.js';
import { checkBoolean, withDefaults } from './internals.js';

/** Options of `directedStructuralHoles`. */
export interface DirectedStructuralHolesOptions {
  /** Mutual weights from the arc weights (true) or from arc counts, 1 per arc (false, default, NetworkX's weight=None). */
  weighted?: boolean;
  /**
   * Leave nodes without out-arcs undefined, as NetworkX 2.8.8 does (true, default); false computes them from their
   * in-contacts, leaving only nodes without any contact undefined.
   */
  networkxSinks?: boolean;
}

/** Defaults of `directedStructuralHoles`: unweighted, NetworkX's treatment of sinks. */
export const DIRECTED_STRUCTURAL_HOLES_DEFAULTS: Readonly<Required<DirectedStructuralHolesOptions>> = Object.freeze({ weighted: false, networkxSinks: true });

/**
 * Constraint, effective size, efficiency and hierarchy of every node of a directed graph, by node index, with
 * NetworkX 2.8.8's DiGraph definitions (mutual weights over predecessors ∪ successors; see the header). NaN marks an
 * undefined value: nodes without contacts, nodes without out-arcs under `networkxSinks` (default), and hierarchy for
 * nodes with fewer than two contacts. `structuralHolesRows`/`nullable` of ../structural-holes turn them into rows.
 */
export function directedStructuralHoles(d: DirectedCompactGraph, options: DirectedStructuralHolesOptions = {}): StructuralHoles {
  const { weighted, networkxSinks } = withDefaults(DIRECTED_STRUCTURAL_HOLES_DEFAULTS, options);
  checkBoolean('weighted', weighted);
  checkBoolean('networkxSinks', networkxSinks);
  const mutual = symmetrise(d, { merge: 'sum', weighted });
  const holes = structuralHoles(mutual, { weighted: true });
  if (networkxSinks) {
    for (let i = 0; i < d.n; i++) {
      if (d.outOffsets[i + 1] !== d.outOffsets[i]) continue;
      holes.constraint[i] = NaN;
      holes.effectiveSize[i] = NaN;
      holes.efficiency[i] = NaN;
      holes.hierarchy[i] = NaN;
    }
  }
  return { ...holes, weighted };
}
