/**
 * PageRank to a guaranteed accuracy, solved as a symmetric linear system by conjugate gradients — what
 * `analyzeNetwork` runs. Same PageRank as `pagerank()` (α, uniform teleport, dangling mass spread uniformly; Page,
 * Brin, Motwani & Winograd 1999), a different way to reach it.
 *
 * PageRank as a linear system (Del Corso, Gullì & Romani 2005, "Fast PageRank computation via a sparse linear
 * system", Internet Mathematics 2(3):251; Gleich 2015, "PageRank beyond the Web", SIAM Review 57(3):321): every node
 * gets x_j = α Σ_i (w_ij / s_i) x_i + c, where c = (α · dangling mass + 1 − α) / n is the same for all nodes. So
 * x = c · y with
 *
 *   A y = 1,   A = I − α W S⁻¹,   c = 1 / Σ y   (the scores sum to 1),
 *
 * W the symmetric weight matrix, S = diag(s) the strengths; a dangling node (s = 0) has y = 1. On an undirected graph
 * A is self-adjoint in the inner product ⟨a, b⟩ = Σ a_i b_i / s_i and positive definite, with eigenvalues in
 * [1 − α, 1 + α] (with y = S^½ z it is the symmetric I − α S^-½ W S^-½, whose middle term has its spectrum in
 * [−1, 1]). So conjugate gradients apply (Hestenes & Stiefel 1952, "Methods of conjugate gradients for solving linear
 * systems", J. Res. NBS 49:409; Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., SIAM 2003, §6.7): the
 * error (in A's energy norm) shrinks by at least (√κ − 1)/(√κ + 1) ≈ 0.56 per iteration, κ ≤ (1 + α)/(1 − α) ≈ 12.3
 * at α = 0.85, and much faster when the spectrum is clustered. They run on y in that inner product, in Chronopoulos &
 * Gear's form (1989, "s-step iterative methods for symmetric linear systems", J. Comput. Appl. Math. 25:153), which
 * gets both inner products of an iteration from one pass over the nodes: an iteration is one pass over the 2m CSR
 * entries (A r) and one over the n nodes.
 *
 * Why not the power iteration (`pagerank()`): its error is multiplied by α·λ for each eigenvalue λ of W S⁻¹. A
 * bipartite component — a star, a path, a tree — has λ = −1, so that part of the error only shrinks by 0.85 per
 * iteration, flipping sign each time (measured on netscience, whose 113 bipartite components hold 241 of 1 461 nodes:
 * their error is ~15× the rest's and changes by a factor of exactly −0.85 per iteration; 117 iterations to an L1
 * change of 1e-10). To conjugate gradients λ = −1 is the best-conditioned end (eigenvalue 1 + α of A): 35 iterations
 * there, and 21 instead of 43 on the generated 10k/100k and 100k/1M graphs. Regular components (pairs, cycles,
 * cliques) are exact at the start and never touched.
 *
 * Stopping rule, a proven bound rather than a heuristic: with the residual r = 1 − (I − α W S⁻¹) y, the error is
 * ‖y − y⋆‖₁ ≤ ‖r‖₁ / (1 − α) (W S⁻¹ has column sums ≤ 1), and normalising costs at most a factor 2:
 * ‖y/Σy − y⋆/Σy⋆‖₁ ≤ 2‖y − y⋆‖₁ / |Σy|. The iteration stops when 2‖r‖₁ / ((1 − α)|Σy|) — the returned `errorBound` —
 * is at most `l1Tolerance`, first on the recurrence's residual, then confirmed on the residual recomputed from y
 * (one more product; continuing from there if rounding had let the two drift apart). So every score is within
 * `l1Tolerance` of the exact PageRank, whatever the graph.
 *
 * Trees eliminated first. A node l with one tie (weight w, to p) has the equation y_l − α (w/s_p) y_p = 1: y_l is an
 * affine function of y_p, and substituting it into p's equation changes only p's diagonal and right-hand side. Done
 * repeatedly — leaves, then the nodes they leave with one tie, so whole trees hanging off the graph and whole tree
 * components — this is Gaussian elimination in a perfect elimination order, which on a tree creates no fill (Parter
 * 1961, "The use of linear graphs in Gauss elimination", SIAM Review 3(2):119; Rose, Tarjan & Lueker 1976,
 * "Algorithmic aspects of vertex elimination on graphs", SIAM J. Comput. 5(2):266). Scaled by S⁻¹ each step is a
 * symmetric one, so the core's system, D y − α W S⁻¹ y = b, stays self-adjoint and positive definite (a Schur
 * complement) and conjugate gradients run on it unchanged; the trees are then recovered exactly, parents first, and
 * Σ y over the whole graph is tracked as a fixed affine function of the core's y for the error bound. The bound
 * returned is recomputed from the whole graph's residual at the end, so it covers the elimination's rounding too.
 * Isolated (dangling) nodes stay at y = 1; a tie of weight 0 is no tie to the walk. It pays when the trees are a
 * sizeable part of the work (`worthPeeling`): on the DNC e-mail network (1 891 nodes, 1 192 of them leaves) the
 * system shrinks to its 657-node core and 37 iterations become 29, about half the time; graphs with few leaves skip
 * it, and then the iteration is exactly the one above.
 */
import { BridgeworkError } from '../../errors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { checkIteration } from './pagerank.js';

/** Options of `pagerankCg`. */
export interface PageRankCgOptions {
  /** Damping factor α in [0, 1): the probability of following a tie (default 0.85). */
  alpha?: number;
  /** Follow ties in proportion to their weight (true, default) or uniformly. */
  weighted?: boolean;
  /** Stop once the L1 distance from the exact PageRank vector is proven below this (default 1e-10). */
  l1Tolerance?: number;
  /** Iteration cap (default 200; at α = 0.85 the worst-case convergence bound needs under 100 on millions of nodes). */
  maxIter?: number;
}

/** Defaults of `pagerankCg`. */
export const PAGERANK_CG_DEFAULTS: Readonly<Required<PageRankCgOptions>> = Object.freeze({
  alpha: 0.85,
  weighted: true,
  l1Tolerance: 1e-10,
  maxIter: 200,
});

/** Result of `pagerankCg`. */
export interface PageRankCgResult {
  /** Score of each node, aligned with `graph.ids`; they sum to 1. */
  scores: Float64Array;
  /** Conjugate-gradient iterations run: one sparse matrix–vector product each (plus one to start, one to confirm). */
  iterations: number;
  /** Whether `errorBound` ≤ `l1Tolerance` was reached within `maxIter`. */
  converged: boolean;
  /** Proven upper bound on the L1 distance of `scores` from the exact PageRank vector. */
  errorBound: number;
}

/**
 * PageRank of every node (scores sum to 1) with a proven L1 error ≤ `l1Tolerance`, by conjugate gradients on the
 * symmetric form of the PageRank linear system; α = 0.85, weighted by tie strength, uniform teleport and dangling
 * redistribution, as `pagerank()`. Trees hanging off the graph (and whole tree components) are eliminated exactly
 * first when they are a sizeable share of the work. When the cap comes first, the last iterate is returned with
 * `converged: false`.
 */
export function pagerankCg(graph: CompactGraph, options: PageRankCgOptions = {}): PageRankCgResult {
  const { alpha, weighted, l1Tolerance, maxIter } = { ...PAGERANK_CG_DEFAULTS, ...options };
  if (!(alpha >= 0 && alpha < 1)) throw new BridgeworkError('validation', `graph-core/centrality: pagerankCg alpha must lie in [0, 1), not ${String(alpha)}`);
  if (!(l1Tolerance >= 0 && l1Tolerance < Infinity)) {
    throw new BridgeworkError('validation', `graph-core/centrality: pagerankCg l1Tolerance must be a finite number ≥ 0, not ${String(l1Tolerance)}`);
  }
  checkIteration(maxIter, l1Tolerance);
  const n = graph.n;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true, errorBound: 0 };
  const { offsets, neighbours, weights, strengths } = graph;
  // inv = 1/s (s the strength, or the degree unweighted), 0 for a dangling node; leaves: nodes of one tie.
  const inv = new Float64Array(n);
  let leaves = 0;
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1]! - offsets[i]!;
    if (d === 1) leaves++;
    const s = weighted ? strengths[i]! : d;
    if (s > 0) inv[i] = 1 / s;
  }
  // Peel only when the leaves alone (a tie and a node each) promise a sizeable share of worthPeeling's saving.
  const peeled = 5 * leaves >= 0.2 * (offsets[n]! + 3 * n) ? peelTrees(graph, weighted, alpha) : null;
  if (peeled === null || !worthPeeling(n, offsets[n]!, n - peeled.count, peeled.coreEntries)) {
    const none = new Float64Array(0);
    const system: LinearSystem = {
      n, offsets, neighbours, weights: weighted ? weights : null, inv, attached: new Int32Array(0), diag: none, rhs: none, gain: none, constant: 0,
    };
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = inv[i]! > 0 ? 1 / (1 - alpha) : 1;
    const { iterations, errorBound } = solve(system, y, alpha, l1Tolerance, maxIter);
    return { scores: normalise(y), iterations, converged: errorBound <= l1Tolerance, errorBound };
  }
  // The core (every node left after peeling) as a CSR graph of its own, its nodes in their original order.
  const { removed, order, count, parent, up, diag, rhs, coreEntries } = peeled;
  const nc = n - count;
  const coreOf = new Int32Array(n).fill(-1);
  const nodeOf = new Int32Array(nc);
  for (let i = 0, c = 0; i < n; i++) {
    if (removed[i] === 0) {
      coreOf[i] = c;
      nodeOf[c++] = i;
    }
  }
  // Σ y over all nodes = constant + Σ gain·y over the core: a peeled node's y is rhs/diag + up · (its parent's y).
  const gainAll = new Float64Array(n).fill(1);
  let constant = 0;
  for (let t = 0; t < count; t++) {
    const l = order[t]!;
    const p = parent[l]!;
    constant += (gainAll[l]! * rhs[l]!) / diag[l]!;
    if (p >= 0) gainAll[p] = gainAll[p]! + gainAll[l]! * up[l]!;
  }
  let iterations = 0;
  const y = new Float64Array(n);
  if (nc > 0) {
    const cOffsets = new Uint32Array(nc + 1);
    const cNeighbours = new Uint32Array(coreEntries);
    const cWeights = weighted ? new Float64Array(coreEntries) : null;
    const cInv = new Float64Array(nc);
    const attachedNodes: number[] = [];
    let e = 0;
    for (let c = 0; c < nc; c++) {
      const i = nodeOf[c]!;
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
        const j = coreOf[neighbours[k]!]!;
        if (j < 0) continue;
        if (cWeights !== null) {
          const w = weights[k]!;
          if (!(w > 0)) continue;
          cWeights[e] = w;
        }
        cNeighbours[e++] = j;
      }
      cOffsets[c + 1] = e;
      cInv[c] = inv[i]!;
      if (rhs[i] !== 1 || diag[i] !== 1 || gainAll[i] !== 1) attachedNodes.push(c); // a tree was folded into i
    }
    const attached = Int32Array.from(attachedNodes);
    const pick = (values: Float64Array) => Float64Array.from(attached, (c) => values[nodeOf[c]!]!);
    const system: LinearSystem = {
      n: nc, offsets: cOffsets, neighbours: cNeighbours, weights: cWeights, inv: cInv,
      attached, diag: pick(diag), rhs: pick(rhs), gain: pick(gainAll), constant,
    };
    const yc = new Float64Array(nc).fill(1 / (1 - alpha));
    iterations = solve(system, yc, alpha, l1Tolerance, maxIter).iterations;
    for (let c = 0; c < nc; c++) y[nodeOf[c]!] = yc[c]!;
  }
  // Back-substitution, parents before children.
  for (let t = count - 1; t >= 0; t--) {
    const l = order[t]!;
    const p = parent[l]!;
    y[l] = rhs[l]! / diag[l]! + (p >= 0 ? up[l]! * y[p]! : 0);
  }
  // The bound on the whole system's residual, recomputed from y: it covers the rounding of the elimination too.
  const errorBound = residualBound(graph, weighted, alpha, inv, y);
  return { scores: normalise(y), iterations, converged: errorBound <= l1Tolerance, errorBound };
}

/**
 * Whether solving on the core saves enough: an iteration costs about one unit per CSR entry and three per node (the
 * vector updates), and peeling, building the core and the final check cost a few iterations' worth. Measured on the
 * reference networks: DNC e-mail (42% less work an iteration, 37 → 29 iterations) gains ~half; netscience (14% less,
 * and one iteration more) was slightly slower, so the line is 25%.
 */
function worthPeeling(n: number, entries: number, coreNodes: number, coreEntries: number): boolean {
  const full = entries + 3 * n;
  return full - (coreEntries + 3 * coreNodes) >= 0.25 * full;
}

interface Peeled {
  /** 1 for every peeled node. */
  removed: Uint8Array;
  /** The peeled nodes in the order they were eliminated (children before parents); `count` of them. */
  order: Int32Array;
  count: number;
  /** The one neighbour left when a node was eliminated, −1 for the root of a whole tree (or an isolated node). */
  parent: Int32Array;
  /** y = rhs/diag + up · y(parent) for a peeled node. */
  up: Float64Array;
  /** Diagonal and right-hand side of each node's equation after the elimination of its children. */
  diag: Float64Array;
  rhs: Float64Array;
  /** CSR entries of the core (ties of weight > 0 between core nodes, each counted twice). */
  coreEntries: number;
}

/**
 * Eliminates every node of degree ≤ 1, repeatedly (Gaussian elimination in a perfect elimination order of the
 * trees): node l, with equation diag_l y_l − α (w/s_p) y_p = rhs_l and one neighbour p left, is substituted into p's
 * equation, whose term −α (w/s_l) y_l becomes −α (w/s_l)(rhs_l + α (w/s_p) y_p)/diag_l. Scaled by S⁻¹ this is one
 * step of symmetric Gaussian elimination, so the core's system stays self-adjoint in the S⁻¹ inner product and
 * positive definite (a Schur complement of a positive definite matrix).
 */
function peelTrees(graph: CompactGraph, weighted: boolean, alpha: number): Peeled {
  const n = graph.n;
  const { offsets, neighbours, weights } = graph;
  // deg counts the ties that carry weight (all of them unweighted): a tie of weight 0 is no tie to the walk.
  const str = weighted ? graph.strengths : new Float64Array(n);
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let d = offsets[i + 1]! - offsets[i]!;
    if (weighted) {
      d = 0;
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) if (weights[k]! > 0) d++;
    } else str[i] = d;
    deg[i] = d;
  }
  const removed = new Uint8Array(n);
  const order = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const up = new Float64Array(n);
  const diag = new Float64Array(n).fill(1);
  const rhs = new Float64Array(n).fill(1);
  const stack = new Int32Array(2 * n); // each node is pushed at most twice (degree ≤ 1 at the start, then 1, then 0)
  let top = 0;
  for (let i = 0; i < n; i++) if (deg[i]! <= 1) stack[top++] = i;
  let count = 0;
  while (top > 0) {
    const l = stack[--top]!;
    if (removed[l] === 1) continue;
    removed[l] = 1;
    order[count++] = l;
    if (deg[l] === 0) continue; // the last node of a tree: y = rhs/diag
    let p = -1;
    let w = 1;
    for (let k = offsets[l]!, end = offsets[l + 1]!; k < end; k++) {
      const j = neighbours[k]!;
      if (removed[j] === 0 && (!weighted || weights[k]! > 0)) {
        p = j;
        if (weighted) w = weights[k]!;
        break;
      }
    }
    const sl = str[l]!;
    const sp = str[p]!;
    const dl = diag[l]!;
    parent[l] = p;
    up[l] = (alpha * w) / (sp * dl);
    diag[p] = diag[p]! - (alpha * alpha * w * w) / (sl * sp * dl);
    rhs[p] = rhs[p]! + (alpha * w * rhs[l]!) / (sl * dl);
    const dp = deg[p]! - 1;
    deg[p] = dp;
    if (dp <= 1) stack[top++] = p;
  }
  // deg now holds each core node's degree within the core.
  let coreEntries = 0;
  for (let i = 0; i < n; i++) if (removed[i] === 0) coreEntries += deg[i]!;
  return { removed, order, count, parent, up, diag, rhs, coreEntries };
}

/**
 * diag_j y_j − α Σ_i (w_ij/s_i) y_i = rhs_j over a CSR graph; Σ y over the whole graph is constant + Σ gain·y.
 * diag, rhs and gain are 1 except on the `attached` nodes (those a tree was folded into), where they are listed:
 * kept out of the main loops, which then run as on the plain PageRank system.
 */
interface LinearSystem {
  n: number;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  /** null: every tie weighs 1. */
  weights: Float64Array | null;
  /** 1/s, 0 on a dangling node (whose y stays 1). */
  inv: Float64Array;
  attached: Int32Array;
  /** diag, rhs and gain of the attached nodes, aligned with `attached`. */
  diag: Float64Array;
  rhs: Float64Array;
  gain: Float64Array;
  constant: number;
}

/** Conjugate gradients on `system` in the S⁻¹ inner product from the start `y` (updated in place). */
function solve(
  system: LinearSystem,
  y: Float64Array,
  alpha: number,
  l1Tolerance: number,
  maxIter: number,
): { iterations: number; errorBound: number } {
  const { n, offsets, neighbours, weights, inv, attached, diag, rhs, gain, constant } = system;
  const na = attached.length;
  /** Σ (gain − 1)·y over the attached nodes: what Σ y over the core misses of the whole graph's Σ y. */
  const extraSum = (): number => {
    let e = constant;
    for (let t = 0; t < na; t++) e += (gain[t]! - 1) * y[attached[t]!]!;
    return e;
  };
  const r = new Float64Array(n); // residual rhs − A y
  const u = new Float64Array(n); // S⁻¹ times the vector being multiplied (r, or y on a restart)
  const w = new Float64Array(n); // A r
  const p = new Float64Array(n); // search direction
  const s = new Float64Array(n); // A p, by recurrence

  /** out = A v = diag·v − α W S⁻¹ v, given u = S⁻¹ v; returns ⟨v, A v⟩ = Σ u·out. One pass over the CSR entries. */
  const multiply = (v: Float64Array, out: Float64Array): number => {
    let vAv = 0;
    if (weights !== null) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) acc += u[neighbours[k]!]! * weights[k]!;
        const o = v[j]! - alpha * acc;
        out[j] = o;
        vAv += u[j]! * o;
      }
    } else {
      for (let j = 0; j < n; j++) {
        // Two partial sums break the chain of dependent additions (the gathers can overlap).
        let a0 = 0;
        let a1 = 0;
        let k = offsets[j]!;
        const end = offsets[j + 1]!;
        for (; k + 1 < end; k += 2) {
          a0 += u[neighbours[k]!]!;
          a1 += u[neighbours[k + 1]!]!;
        }
        if (k < end) a0 += u[neighbours[k]!]!;
        const o = v[j]! - alpha * (a0 + a1);
        out[j] = o;
        vAv += u[j]! * o;
      }
    }
    for (let t = 0; t < na; t++) {
      const j = attached[t]!;
      const e = (diag[t]! - 1) * v[j]!;
      out[j] = out[j]! + e;
      vAv += u[j]! * e;
    }
    return vAv;
  };
  /** The error bound 2‖r‖₁ / ((1 − α)|Σy|) on the normalised scores. */
  const bound = (rl1: number, sum: number): number => (sum > 0 ? (2 * rl1) / ((1 - alpha) * sum) : Infinity);

  let gamma = 0; // ⟨r, r⟩
  let errorBound = Infinity;
  /** r = rhs − A y recomputed from y (not by recurrence), u = S⁻¹ r, γ and the error bound. */
  const restart = (): void => {
    for (let i = 0; i < n; i++) u[i] = inv[i]! * y[i]!;
    multiply(y, w);
    for (let t = 0; t < na; t++) w[attached[t]!] = w[attached[t]!]! - (rhs[t]! - 1); // so that 1 − w = rhs − A y
    let g = 0;
    let rl1 = 0;
    let sum = extraSum();
    for (let i = 0; i < n; i++) {
      const ri = inv[i]! > 0 ? 1 - w[i]! : 0;
      r[i] = ri;
      const ui = inv[i]! * ri;
      u[i] = ui;
      g += ri * ui;
      rl1 += Math.abs(ri);
      sum += y[i]!;
    }
    gamma = g;
    errorBound = bound(rl1, sum);
  };

  restart();
  let trueResidual = true;
  let fresh = true; // a new Krylov sequence: p = r, s = A r
  let gammaPrev = 1;
  let stepPrev = 1;
  let iterations = 0;
  while (errorBound > l1Tolerance && iterations < maxIter) {
    const delta = multiply(r, w); // w = A r, δ = ⟨r, A r⟩
    const beta = fresh ? 0 : gamma / gammaPrev;
    const step = fresh ? gamma / delta : gamma / (delta - (beta * gamma) / stepPrev);
    if (!(step > 0 && step < Infinity)) break; // only when rounding has exhausted the iteration (r ≈ 0)
    iterations++;
    let g = 0;
    let rl1 = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const pi = r[i]! + beta * p[i]!;
      p[i] = pi;
      const si = w[i]! + beta * s[i]!;
      s[i] = si;
      const yi = y[i]! + step * pi;
      y[i] = yi;
      const ri = r[i]! - step * si;
      r[i] = ri;
      const ui = inv[i]! * ri;
      u[i] = ui;
      g += ri * ui;
      rl1 += Math.abs(ri);
      sum += yi;
    }
    sum += extraSum();
    gammaPrev = gamma;
    gamma = g;
    stepPrev = step;
    fresh = false;
    errorBound = bound(rl1, sum);
    trueResidual = false;
    if (errorBound <= l1Tolerance || iterations === maxIter) {
      // Confirm on the true residual; if rounding made the recurrence optimistic, go on from there.
      restart();
      trueResidual = true;
      fresh = true;
    }
  }
  if (!trueResidual) restart();
  return { iterations, errorBound };
}

/** 2‖r‖₁ / ((1 − α) Σy) for the residual r = 1 − (I − α W S⁻¹) y of the whole graph's system (0 on dangling nodes). */
function residualBound(graph: CompactGraph, weighted: boolean, alpha: number, inv: Float64Array, y: Float64Array): number {
  const { n, offsets, neighbours, weights } = graph;
  const u = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    u[i] = inv[i]! * y[i]!;
    sum += y[i]!;
  }
  let rl1 = 0;
  for (let j = 0; j < n; j++) {
    if (!(inv[j]! > 0)) continue;
    let acc = 0;
    if (weighted) for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) acc += u[neighbours[k]!]! * weights[k]!;
    else for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) acc += u[neighbours[k]!]!;
    rl1 += Math.abs(1 - y[j]! + alpha * acc);
  }
  return sum > 0 ? (2 * rl1) / ((1 - alpha) * sum) : Infinity;
}

function normalise(y: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < y.length; i++) total += y[i]!;
  const scores = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) scores[i] = y[i]! / total;
  return scores;
}
