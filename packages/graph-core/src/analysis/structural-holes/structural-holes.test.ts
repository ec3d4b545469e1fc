import { describe, expect, it } from '@jest/globals';
import { BridgeworkError } from '../../errors.js';
import { compactFromEdgeList, compactFromEdges, type CompactGraph } from '../../projection/compact-graph.js';
import { constraint } from './constraint.js';
import { effectiveSize } from './effective-size.js';
import { efficiency } from './efficiency.js';
import { DEFAULT_STRUCTURAL_HOLES_OPTIONS, nullable } from './ego-pass.js';
import { hierarchy, hierarchyOf } from './hierarchy.js';
import { localConstraint, localConstraintsOf } from './local-constraint.js';
import { close, loadReference, mulberry32, referenceNetworks } from './reference-fixtures.testing.js';
import { structuralHoles, structuralHolesRows } from './structural-holes.js';

/**
 * NetworkX's definitions written out naively over adjacency maps (mutual weight 2w, p by sum, m by max), as an
 * independent check of the triangle pass on graphs that have no reference file.
 */
function bruteForce(g: CompactGraph, weighted: boolean): { constraint: number[]; effectiveSize: number[] } {
  const adj = Array.from({ length: g.n }, (_, i) => {
    const row = new Map<number, number>();
    const nb = g.neighboursOf(i);
    const w = g.weightsOf(i);
    for (let x = 0; x < nb.length; x++) row.set(nb[x]!, weighted ? 2 * w[x]! : 2);
    return row;
  });
  const mutual = (u: number, v: number) => adj[u]!.get(v) ?? 0;
  const nmw = (u: number, v: number, norm: 'sum' | 'max') => {
    const values = [...adj[u]!.values()];
    const scale = norm === 'sum' ? values.reduce((s, x) => s + x, 0) : Math.max(0, ...values);
    return scale === 0 ? 0 : mutual(u, v) / scale;
  };
  const c: number[] = [];
  const e: number[] = [];
  for (let u = 0; u < g.n; u++) {
    const contacts = [...adj[u]!.keys()];
    if (contacts.length === 0) {
      c.push(NaN);
      e.push(NaN);
      continue;
    }
    let cu = 0;
    let eu = 0;
    for (const v of contacts) {
      let indirect = 0;
      let r = 0;
      for (const w of contacts) {
        indirect += nmw(u, w, 'sum') * nmw(w, v, 'sum');
        r += nmw(u, w, 'sum') * nmw(v, w, 'max');
      }
      cu += (nmw(u, v, 'sum') + indirect) ** 2;
      eu += 1 - r;
    }
    c.push(cu);
    e.push(eu);
  }
  return { constraint: c, effectiveSize: e };
}

/** A seeded random graph with clustering: a ring lattice with shortcuts, a hub and random weights in [0, 1). */
function randomGraph(seed: number, n: number, extra: number): CompactGraph {
  const rnd = mulberry32(seed);
  const s: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    s.push(i, i);
    t.push((i + 1) % n, (i + 2) % n);
  }
  for (let k = 0; k < extra; k++) {
    s.push(Math.floor(rnd() * n));
    t.push(Math.floor(rnd() * n));
  }
  for (let i = 1; i < n; i += 3) {
    s.push(0);
    t.push(i);
  }
  const w = s.map(() => (rnd() < 0.1 ? 0 : rnd()));
  return compactFromEdges(s, t, w, n + 2); // two isolated nodes at the end
}

describe('structural holes against NetworkX 2.8.8 on the classic networks', () => {
  const networks = referenceNetworks();

  it('has a reference file for every classic network', () => {
    expect(networks.length).toBeGreaterThanOrEqual(9);
    expect(networks).toContain('nx_florentine_families');
    expect(networks).toContain('nx_karate_club');
  });

  for (const network of networks) {
    it(`matches constraint, effective size and efficiency of every node of ${network}, unweighted and weighted`, () => {
      const { ref, g } = loadReference(network);
      expect(ref.networkx).toBe('2.8.8');
      expect(g.n).toBe(ref.n);
      expect(g.m).toBe(ref.m);
      const plain = structuralHoles(g);
      const weighted = structuralHoles(g, { weighted: true });
      const mismatches: string[] = [];
      for (const node of ref.nodes) {
        const i = g.indexOf(node.id);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(g.degree(i)).toBe(node.degree);
        const checks: [string, number, number | null][] = [
          ['constraint', plain.constraint[i]!, node.constraint],
          ['effective size', plain.effectiveSize[i]!, node.effective_size],
          ['efficiency', plain.efficiency[i]!, node.efficiency],
          ['weighted constraint', weighted.constraint[i]!, node.constraint_weighted],
          ['weighted effective size', weighted.effectiveSize[i]!, node.effective_size_weighted],
          ['weighted efficiency', weighted.efficiency[i]!, node.efficiency_weighted],
        ];
        for (const [what, actual, expected] of checks) {
          if (!close(actual, expected)) mismatches.push(`${node.id} ${what}: ${actual} ≠ ${expected}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it(`matches the local constraint of every ordered adjacent pair of ${network}`, () => {
      const { ref, g } = loadReference(network);
      expect(ref.local_constraint.length).toBe(2 * ref.m);
      const mismatches: string[] = [];
      for (const [u, v, plain, weighted] of ref.local_constraint) {
        const i = g.indexOf(u);
        const j = g.indexOf(v);
        const a = localConstraint(g, i, j);
        const b = localConstraint(g, i, j, { weighted: true });
        if (!close(a, plain) || !close(b, weighted)) mismatches.push(`${u}→${v}: ${a}, ${b} ≠ ${plain}, ${weighted}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('gives the Medici the lowest constraint among the Florentine families with three or more ties', () => {
    const { g } = loadReference('nx_florentine_families');
    const holes = structuralHoles(g);
    const candidates = g.ids.map((id, i) => ({ id, c: holes.constraint[i]!, k: g.degree(i) })).filter((x) => x.k >= 3);
    candidates.sort((a, b) => a.c - b.c);
    expect(candidates.length).toBeGreaterThan(3);
    expect(candidates[0]!.id).toBe('Medici');
    expect(candidates[0]!.c).toBeCloseTo(17 / 81, 12); // 0.2099: six contacts, one tie among them (Ridolfi–Tornabuoni)
    expect(candidates[1]!.id).toBe('Guadagni'); // four contacts, none tied: 4 · (1/4)² = 0.25
    expect(candidates[1]!.c).toBeCloseTo(0.25, 12);
    expect(candidates[1]!.c).toBeGreaterThan(candidates[0]!.c + 0.03);
  });
});

describe('the single-measure functions', () => {
  it('agree with structuralHoles on Les Misérables, weighted and not, with null where undefined', () => {
    const { g } = loadReference('nx_les_miserables');
    for (const weighted of [false, true]) {
      const all = structuralHoles(g, { weighted });
      expect(constraint(g, { weighted })).toEqual(nullable(all.constraint));
      expect(effectiveSize(g, { weighted })).toEqual(nullable(all.effectiveSize));
      expect(efficiency(g, { weighted })).toEqual(nullable(all.efficiency));
      expect(hierarchy(g, { weighted })).toEqual(nullable(all.hierarchy));
    }
  });

  it('sum the local constraints of a node to its constraint', () => {
    const { g } = loadReference('zachary_karate_ucinet_weighted');
    for (const weighted of [false, true]) {
      const all = structuralHoles(g, { weighted });
      for (let i = 0; i < g.n; i++) {
        const local = localConstraintsOf(g, i, { weighted });
        expect(local.length).toBe(g.degree(i));
        const row = g.neighboursOf(i);
        let sum = 0;
        for (let x = 0; x < local.length; x++) {
          sum += local[x]!;
          expect(local[x]).toBeCloseTo(localConstraint(g, i, row[x]!, { weighted }), 12);
        }
        expect(sum).toBeCloseTo(all.constraint[i]!, 12);
      }
    }
  });

  it('default to unweighted, as NetworkX does', () => {
    expect(DEFAULT_STRUCTURAL_HOLES_OPTIONS.weighted).toBe(false);
    const { g } = loadReference('nx_karate_club');
    expect(structuralHoles(g).weighted).toBe(false);
    expect(structuralHoles(g).constraint).toEqual(structuralHoles(g, { weighted: false }).constraint);
    expect(structuralHoles(g).constraint).not.toEqual(structuralHoles(g, { weighted: true }).constraint);
  });

  it('reject a bad option and an unknown node', () => {
    const g = compactFromEdges([0], [1], null, 2);
    expect(() => structuralHoles(g, { weighted: 'yes' as unknown as boolean })).toThrow(BridgeworkError);
    expect(() => localConstraint(g, 0, 2)).toThrow(/no node 2/);
    expect(() => localConstraintsOf(g, -1)).toThrow(BridgeworkError);
  });
});

describe('edge cases, checked against NetworkX 2.8.8', () => {
  // a–b weight 0, a–c 2, b–c 1, c–d 0.5, e–f weight 0, z isolated. Expected values printed by NetworkX 2.8.8.
  const g = compactFromEdgeList(
    [
      { source: 'a', target: 'b', weight: 0 },
      { source: 'a', target: 'c', weight: 2 },
      { source: 'b', target: 'c', weight: 1 },
      { source: 'c', target: 'd', weight: 0.5 },
      { source: 'e', target: 'f', weight: 0 },
    ],
    { nodes: ['a', 'b', 'c', 'd', 'e', 'f', 'z'] },
  );

  it('gives isolated nodes null and zero-weight ties NetworkX’s values when weighted', () => {
    const rows = structuralHolesRows(g, structuralHoles(g, { weighted: true }));
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    const expected = {
      a: [1.0816326530612246, 1],
      b: [1.3265306122448979, 1],
      c: [0.42857142857142855, 3],
      d: [1, 1],
      e: [0, 1],
      f: [0, 1],
    } as const;
    for (const [id, [c, e]] of Object.entries(expected)) {
      expect(by[id]!.constraint).toBeCloseTo(c, 12);
      expect(by[id]!.effectiveSize).toBeCloseTo(e, 12);
    }
    expect(by.z).toEqual({ id: 'z', degree: 0, constraint: null, effectiveSize: null, efficiency: null, hierarchy: null });
  });

  it('ignores the weights when unweighted', () => {
    const holes = structuralHoles(g);
    const at = (id: string) => g.indexOf(id);
    expect(holes.constraint[at('a')]).toBeCloseTo(1.0069444444444444, 12);
    expect(holes.constraint[at('c')]).toBeCloseTo(0.6111111111111112, 12);
    expect(holes.effectiveSize[at('c')]).toBeCloseTo(2.3333333333333335, 12);
    expect(holes.constraint[at('e')]).toBe(1);
    expect(Number.isNaN(holes.constraint[at('z')]!)).toBe(true);
    expect(constraint(g)[at('z')]).toBeNull();
  });
});

describe('the triangle pass', () => {
  it('matches a naive implementation of NetworkX’s formulas on random clustered graphs with a hub', () => {
    for (const seed of [1, 2, 3]) {
      const g = randomGraph(seed, 120, 150);
      for (const weighted of [false, true]) {
        const fast = structuralHoles(g, { weighted });
        const slow = bruteForce(g, weighted);
        for (let i = 0; i < g.n; i++) {
          expect(close(fast.constraint[i]!, Number.isNaN(slow.constraint[i]!) ? null : slow.constraint[i]!, 1e-12)).toBe(true);
          expect(close(fast.effectiveSize[i]!, Number.isNaN(slow.effectiveSize[i]!) ? null : slow.effectiveSize[i]!, 1e-12)).toBe(true);
        }
      }
    }
  });

  it('handles a complete graph, where every pair of contacts is tied', () => {
    const s: number[] = [];
    const t: number[] = [];
    for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) s.push(i), t.push(j);
    const holes = structuralHoles(compactFromEdges(s, t, null, 6));
    // K6: p = 1/5, each contact reached through the 4 others: ℓ = (1/5 + 4/25)² = (9/25)², C = 5 · 81/625.
    for (let i = 0; i < 6; i++) {
      expect(holes.constraint[i]).toBeCloseTo((5 * 81) / 625, 12);
      expect(holes.effectiveSize[i]).toBeCloseTo(1, 12); // 5 − 2·10/5
      expect(holes.efficiency[i]).toBeCloseTo(0.2, 12);
      expect(holes.hierarchy[i]).toBeCloseTo(0, 12);
    }
  });
});

describe('hierarchy', () => {
  it('matches a hand-worked example: ego with three contacts, two of them tied', () => {
    // Ego 0 with contacts 1, 2, 3 and the tie 1–2. p_0j = 1/3, p_12 = p_21 = 1/2.
    // ℓ(0,1) = (1/3 + 1/3 · 1/2)² = 1/4 = ℓ(0,2); ℓ(0,3) = (1/3)² = 1/9; C = 11/18; C/N = 11/54.
    // r_1 = r_2 = (1/4)/(11/54) = 27/22, r_3 = (1/9)/(11/54) = 12/22.
    // H = (2 · 27/22 · ln(27/22) + 12/22 · ln(12/22)) / (3 ln 3) = 0.0522045454467526…
    const g = compactFromEdges([0, 0, 0, 1], [1, 2, 3, 2], null, 4);
    const holes = structuralHoles(g);
    expect(holes.constraint[0]).toBeCloseTo(11 / 18, 12);
    const expected = (2 * (27 / 22) * Math.log(27 / 22) + (12 / 22) * Math.log(12 / 22)) / (3 * Math.log(3));
    expect(expected).toBeCloseTo(0.0522045454467526, 12);
    expect(holes.hierarchy[0]).toBeCloseTo(expected, 12);
    expect(hierarchyOf([1 / 4, 1 / 4, 1 / 9])).toBeCloseTo(expected, 12);
    expect(hierarchyOf(localConstraintsOf(g, 0))).toBeCloseTo(expected, 12);
  });

  it('is 0 when constraint is spread evenly and 1 when it all comes from one contact', () => {
    const star = compactFromEdges([0, 0, 0, 0], [1, 2, 3, 4], null, 5);
    expect(structuralHoles(star).hierarchy[0]).toBe(0);
    // Weighted: the tie to 2 has weight 0 and 1, 2 are not tied, so ℓ(0,1) = 1 and ℓ(0,2) = 0.
    const lopsided = compactFromEdges([0, 0], [1, 2], [1, 0], 3);
    const h = structuralHoles(lopsided, { weighted: true });
    expect(h.constraint[0]).toBeCloseTo(1, 12);
    expect(h.hierarchy[0]).toBeCloseTo(1, 12);
    expect(hierarchyOf([0.3, 0, 0, 0])).toBeCloseTo(1, 12);
    expect(hierarchyOf([0.2, 0.2, 0.2])).toBe(0);
  });

  it('is undefined (null) with fewer than two contacts and 0 when all local constraints are 0', () => {
    const g = compactFromEdges([0], [1], null, 3);
    expect(hierarchy(g)).toEqual([null, null, null]);
    expect(Number.isNaN(hierarchyOf([0.5]))).toBe(true);
    expect(hierarchyOf([0, 0, 0])).toBe(0);
    // Weighted, all ties of weight 0: constraint 0, hierarchy 0.
    const zero = compactFromEdges([0, 0], [1, 2], [0, 0], 3);
    const h = structuralHoles(zero, { weighted: true });
    expect(h.constraint[0]).toBe(0);
    expect(h.hierarchy[0]).toBe(0);
  });

  it('stays in [0, 1] on every node of the classic networks', () => {
    for (const network of referenceNetworks()) {
      const { g } = loadReference(network);
      for (const weighted of [false, true]) {
        const { hierarchy: h } = structuralHoles(g, { weighted });
        for (let i = 0; i < g.n; i++) {
          if (g.degree(i) < 2) expect(Number.isNaN(h[i]!)).toBe(true);
          else {
            expect(h[i]).toBeGreaterThanOrEqual(0);
            expect(h[i]).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
      }
    }
  });
});
