/**
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian, "ForceAtlas2, a continuous graph layout algorithm for handy
 * network visualization designed for the Gephi software", PLoS ONE 9(6): e98679, 2014) over the typed arrays of a
 * CompactGraph, for drawing the network map of the report.
 *
 * Forces, as in the paper (§ "Anatomy of ForceAtlas2") and Gephi's reference implementation:
 * - repulsion between every pair, proportional to the product of the masses (degree + 1) over the distance:
 *   F_r = k_r (deg(a) + 1)(deg(b) + 1) / d — exact in O(n²), or Barnes–Hut approximated in O(n log n) with a quadtree
 *   rebuilt every iteration (Barnes & Hut, Nature 324:446, 1986);
 * - attraction along every edge, linear in the distance (F_a = w^δ d), or logarithmic in LinLog mode
 *   (F_a = w^δ log(1 + d)), optionally divided by the source's mass ("dissuade hubs");
 * - gravity towards the origin: F_g = k_g (deg + 1), or k_g (deg + 1) d in strong-gravity mode.
 * Step size: the adaptive global and local speeds of the paper (§ "Adaptive speed"): each node's swinging (the change of
 * its force between iterations) and traction (their mean) set a global speed s(G) = τ · traction / swinging, raised by at
 * most 50% per iteration, and each node moves by F · s(G) / (1 + √(s(G) · swinging(n))); the jitter tolerance τ is
 * adjusted to the graph's size as in Gephi's ForceAtlas2.java.
 *
 * Pure and deterministic: the initial positions come from `createRng(seed)` (or `options.initial`), and the same graph,
 * options and seed give bit-identical positions.
 */
import { BridgeworkError } from '../../errors.js';
import type { CompactGraph } from '../../projection/compact-graph.js';
import { createRng } from '../../random/rng.js';

export interface ForceAtlas2Options {
  /** Number of iterations; default `defaultForceAtlas2Iterations(nodes)` (500 up to 1,000 nodes, fewer above). */
  iterations?: number;
  /** Seed of the random initial positions; default 1. Ignored when `initial` is given. */
  seed?: number;
  /**
   * The node indices to lay out (each at most once); only the edges among them count. Default: every node, in index
   * order. The result follows this order.
   */
  nodes?: ArrayLike<number>;
  /** Barnes–Hut approximation of the repulsion; default on above 1,000 laid-out nodes. */
  barnesHut?: boolean;
  /** Barnes–Hut accuracy θ: a cell of width w at distance d acts as one body when w / d < θ; default 1.2 (Gephi's). */
  barnesHutTheta?: number;
  /** Repulsion strength k_r (bigger spreads the graph out); default 2 below 100 nodes, else 10 (Gephi's defaults). */
  scalingRatio?: number;
  /** Gravity k_g towards the origin (keeps components together); default 1. */
  gravity?: number;
  /** Gravity grows with the distance to the origin; default false. */
  strongGravity?: boolean;
  /** LinLog attraction log(1 + d): tighter, more separated clusters (Noack 2007); default false. */
  linLogMode?: boolean;
  /** Divide each edge's attraction by its source's mass ("dissuade hubs": hubs go to the periphery); default false. */
  outboundAttractionDistribution?: boolean;
  /** δ: attraction is scaled by weight^δ (0 ignores the weights); default 1. */
  edgeWeightInfluence?: number;
  /** τ: how much swinging is tolerated before the speed drops; default 1. */
  jitterTolerance?: number;
  /** Starting positions, x and y interleaved per laid-out node (length 2 × the number of nodes); default random. */
  initial?: ArrayLike<number>;
}

/** The default number of iterations for `k` laid-out nodes: 500 up to 1,000 nodes, then fewer (at least 100). */
export function defaultForceAtlas2Iterations(k: number): number {
  if (k <= 1000) return 500;
  return Math.max(100, Math.round(500 * Math.sqrt(1000 / k)));
}

/** Leaves deeper than this hold all their bodies in one list instead of splitting (guards against coincident nodes). */
const MAX_DEPTH = 48;

function invalid(message: string): never {
  throw new BridgeworkError('validation', `graph-core/layout: ${message}`);
}

/**
 * Lay out `g` (or the subgraph induced by `options.nodes`) with ForceAtlas2. Returns x and y interleaved per laid-out
 * node — `[x₀, y₀, x₁, y₁, …]` in the order of `options.nodes` (default 0 … n−1) — roughly centred on the origin, in
 * arbitrary units (about √(k_r · mass²) between neighbours). Edge weights count by `edgeWeightInfluence`.
 *
 * Cost per iteration: O(k² + m) exact, O(k log k + m) with Barnes–Hut. Throws a validation error on a node index
 * outside [0, n) or repeated, a negative iteration count, or initial positions of the wrong length or not finite.
 */
export function forceAtlas2Layout(g: CompactGraph, options: ForceAtlas2Options = {}): Float64Array {
  // The laid-out nodes and their local numbering.
  const localOf = new Int32Array(g.n).fill(-1);
  let globalOf: Uint32Array;
  if (options.nodes === undefined) {
    globalOf = new Uint32Array(g.n);
    for (let i = 0; i < g.n; i++) {
      globalOf[i] = i;
      localOf[i] = i;
    }
  } else {
    const list = options.nodes;
    globalOf = new Uint32Array(list.length);
    for (let a = 0; a < list.length; a++) {
      const v = list[a]!;
      if (!(Number.isInteger(v) && v >= 0 && v < g.n)) invalid(`nodes[${a}] = ${v} is not a node index in [0, ${g.n})`);
      if (localOf[v] !== -1) invalid(`node ${v} is listed twice in nodes (at ${localOf[v]} and ${a})`);
      localOf[v] = a;
      globalOf[a] = v;
    }
  }
  const k = globalOf.length;
  const iterations = options.iterations ?? defaultForceAtlas2Iterations(k);
  if (!(Number.isInteger(iterations) && iterations >= 0)) invalid(`iterations must be an integer ≥ 0, not ${iterations}`);
  const kr = options.scalingRatio ?? (k < 100 ? 2 : 10);
  const gravity = options.gravity ?? 1;
  const theta = options.barnesHutTheta ?? 1.2;
  const delta = options.edgeWeightInfluence ?? 1;
  const tau = options.jitterTolerance ?? 1;
  for (const [name, value] of [['scalingRatio', kr], ['gravity', gravity], ['barnesHutTheta', theta], ['edgeWeightInfluence', delta], ['jitterTolerance', tau]] as const) {
    if (!(Number.isFinite(value) && value >= 0)) invalid(`${name} must be a finite number ≥ 0, not ${value}`);
  }
  const strongGravity = options.strongGravity ?? false;
  const linLog = options.linLogMode ?? false;
  const dissuadeHubs = options.outboundAttractionDistribution ?? false;
  const barnesHut = options.barnesHut ?? k > 1000;

  // Edges among the laid-out nodes, each once (a < b locally), weighted w^δ; masses are local degree + 1.
  const { offsets, neighbours, weights } = g;
  const mass = new Float64Array(k).fill(1);
  let e = 0;
  for (let a = 0; a < k; a++) {
    const u = globalOf[a]!;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      const b = localOf[neighbours[p]!]!;
      if (b >= 0) {
        mass[a]!++;
        if (b > a) e++;
      }
    }
  }
  const src = new Uint32Array(e);
  const dst = new Uint32Array(e);
  const ew = new Float64Array(e);
  e = 0;
  for (let a = 0; a < k; a++) {
    const u = globalOf[a]!;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      const b = localOf[neighbours[p]!]!;
      if (b > a) {
        src[e] = a;
        dst[e] = b;
        const w = weights[p]!;
        ew[e] = delta === 1 ? w : delta === 0 ? 1 : Math.pow(w, delta);
        e++;
      }
    }
  }

  // Positions: given, or uniform in a square whose side grows with √k (the scale of the equilibrium).
  const pos = new Float64Array(2 * k);
  if (options.initial !== undefined) {
    const init = options.initial;
    if (init.length !== 2 * k) invalid(`initial has ${init.length} numbers for ${k} nodes (x and y each)`);
    for (let i = 0; i < 2 * k; i++) {
      const v = init[i]!;
      if (!Number.isFinite(v)) invalid(`initial[${i}] = ${v} is not a finite number`);
      pos[i] = v;
    }
  } else {
    const rng = createRng(options.seed ?? 1);
    const side = 10 * Math.sqrt(Math.max(1, k) * Math.max(1, kr));
    for (let i = 0; i < 2 * k; i++) pos[i] = (rng() - 0.5) * side;
  }
  if (k === 0 || iterations === 0) return pos;

  let fx = new Float64Array(k);
  let fy = new Float64Array(k);
  let oldFx = new Float64Array(k);
  let oldFy = new Float64Array(k);
  let meanMass = 0;
  for (let a = 0; a < k; a++) meanMass += mass[a]!;
  meanMass /= k;
  const attractionCoefficient = dissuadeHubs ? meanMass : 1;
  const tree = barnesHut ? new QuadTree(k) : null;
  let speed = 1;
  let speedEfficiency = 1;

  for (let it = 0; it < iterations; it++) {
    // The forces of the last iteration become the old ones.
    let swap = oldFx;
    oldFx = fx;
    fx = swap;
    swap = oldFy;
    oldFy = fy;
    fy = swap;
    fx.fill(0);
    fy.fill(0);

    // Repulsion.
    if (tree) {
      tree.build(pos, mass, k);
      tree.repel(pos, mass, k, kr, theta, fx, fy);
    } else {
      for (let a = 0; a < k; a++) {
        const xa = pos[2 * a]!;
        const ya = pos[2 * a + 1]!;
        const ma = kr * mass[a]!;
        let sx = 0;
        let sy = 0;
        for (let b = a + 1; b < k; b++) {
          const dx = xa - pos[2 * b]!;
          const dy = ya - pos[2 * b + 1]!;
          const d2 = dx * dx + dy * dy;
          if (d2 > 0) {
            const f = (ma * mass[b]!) / d2;
            sx += dx * f;
            sy += dy * f;
            fx[b]! -= dx * f;
            fy[b]! -= dy * f;
          }
        }
        fx[a]! += sx;
        fy[a]! += sy;
      }
    }

    // Gravity towards the origin.
    if (gravity > 0) {
      for (let a = 0; a < k; a++) {
        const x = pos[2 * a]!;
        const y = pos[2 * a + 1]!;
        if (strongGravity) {
          const f = mass[a]! * gravity;
          fx[a]! -= x * f;
          fy[a]! -= y * f;
        } else {
          const d = Math.sqrt(x * x + y * y);
          if (d > 0) {
            const f = (mass[a]! * gravity) / d;
            fx[a]! -= x * f;
            fy[a]! -= y * f;
          }
        }
      }
    }

    // Attraction along the edges.
    for (let j = 0; j < e; j++) {
      const a = src[j]!;
      const b = dst[j]!;
      const dx = pos[2 * a]! - pos[2 * b]!;
      const dy = pos[2 * a + 1]! - pos[2 * b + 1]!;
      let f = -attractionCoefficient * ew[j]!;
      if (linLog) {
        const d = Math.sqrt(dx * dx + dy * dy);
        if (d === 0) continue;
        f *= Math.log(1 + d) / d;
      }
      if (dissuadeHubs) f /= mass[a]!;
      fx[a]! += dx * f;
      fy[a]! += dy * f;
      fx[b]! -= dx * f;
      fy[b]! -= dy * f;
    }

    // Adaptive global speed (Gephi's ForceAtlas2.java, after the paper's § "Adaptive speed").
    let totalSwinging = 0;
    let totalTraction = 0;
    for (let a = 0; a < k; a++) {
      const sx = oldFx[a]! - fx[a]!;
      const sy = oldFy[a]! - fy[a]!;
      const tx = oldFx[a]! + fx[a]!;
      const ty = oldFy[a]! + fy[a]!;
      totalSwinging += mass[a]! * Math.sqrt(sx * sx + sy * sy);
      totalTraction += mass[a]! * 0.5 * Math.sqrt(tx * tx + ty * ty);
    }
    if (totalSwinging > 0 && totalTraction > 0) {
      const estimatedJitter = 0.05 * Math.sqrt(k);
      const minJitter = Math.sqrt(estimatedJitter);
      const maxJitter = 10;
      let jitter = tau * Math.max(minJitter, Math.min(maxJitter, (estimatedJitter * totalTraction) / (k * k)));
      const minSpeedEfficiency = 0.05;
      if (totalSwinging / totalTraction > 2) {
        if (speedEfficiency > minSpeedEfficiency) speedEfficiency *= 0.5;
        jitter = Math.max(jitter, tau);
      }
      const targetSpeed = (jitter * speedEfficiency * totalTraction) / totalSwinging;
      if (totalSwinging > jitter * totalTraction) {
        if (speedEfficiency > minSpeedEfficiency) speedEfficiency *= 0.7;
      } else if (speed < 1000) {
        speedEfficiency *= 1.3;
      }
      const maxRise = 0.5;
      speed += Math.min(targetSpeed - speed, maxRise * speed);
    }

    // Move every node by its force, slowed where it swings.
    for (let a = 0; a < k; a++) {
      const sx = oldFx[a]! - fx[a]!;
      const sy = oldFy[a]! - fy[a]!;
      const swinging = mass[a]! * Math.sqrt(sx * sx + sy * sy);
      const factor = speed / (1 + Math.sqrt(speed * swinging));
      pos[2 * a]! += fx[a]! * factor;
      pos[2 * a + 1]! += fy[a]! * factor;
    }
  }
  return pos;
}

/**
 * The edges of the subgraph of `g` induced by `nodes`, as pairs of positions in `nodes` (a < b), each once — the
 * `edges` of a drawing whose nodes are `nodes` in that order.
 */
export function inducedEdges(g: CompactGraph, nodes: ArrayLike<number>): [number, number][] {
  const localOf = new Int32Array(g.n).fill(-1);
  for (let a = 0; a < nodes.length; a++) {
    const v = nodes[a]!;
    if (!(Number.isInteger(v) && v >= 0 && v < g.n)) invalid(`nodes[${a}] = ${v} is not a node index in [0, ${g.n})`);
    if (localOf[v] !== -1) invalid(`node ${v} is listed twice in nodes (at ${localOf[v]} and ${a})`);
    localOf[v] = a;
  }
  const out: [number, number][] = [];
  for (let a = 0; a < nodes.length; a++) {
    const u = nodes[a]!;
    for (let p = g.offsets[u]!, end = g.offsets[u + 1]!; p < end; p++) {
      const b = localOf[g.neighbours[p]!]!;
      if (b > a) out.push([a, b]);
    }
  }
  return out;
}

/**
 * A point-region quadtree over typed arrays for the Barnes–Hut repulsion. Cells are numbered in creation order, so a
 * cell's four children (consecutive, from `child[c]`) always come after it and one backward pass sums the masses.
 * A leaf holds a linked list of bodies (`head`, `next`): one body, or several at the same point or at MAX_DEPTH.
 */
class QuadTree {
  private capacity: number;
  private cx: Float64Array;
  private cy: Float64Array;
  private half: Float64Array;
  private mass: Float64Array;
  private comX: Float64Array;
  private comY: Float64Array;
  private child: Int32Array;
  private head: Int32Array;
  private readonly next: Int32Array;
  private readonly stack = new Int32Array(4 * MAX_DEPTH + 8);
  private count = 0;

  constructor(bodies: number) {
    this.capacity = Math.max(16, 4 * bodies);
    this.cx = new Float64Array(this.capacity);
    this.cy = new Float64Array(this.capacity);
    this.half = new Float64Array(this.capacity);
    this.mass = new Float64Array(this.capacity);
    this.comX = new Float64Array(this.capacity);
    this.comY = new Float64Array(this.capacity);
    this.child = new Int32Array(this.capacity);
    this.head = new Int32Array(this.capacity);
    this.next = new Int32Array(bodies);
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const f64 = (old: Float64Array) => {
      const a = new Float64Array(capacity);
      a.set(old);
      return a;
    };
    const i32 = (old: Int32Array) => {
      const a = new Int32Array(capacity);
      a.set(old);
      return a;
    };
    this.cx = f64(this.cx);
    this.cy = f64(this.cy);
    this.half = f64(this.half);
    this.mass = f64(this.mass);
    this.comX = f64(this.comX);
    this.comY = f64(this.comY);
    this.child = i32(this.child);
    this.head = i32(this.head);
    this.capacity = capacity;
  }

  private cell(x: number, y: number, half: number): number {
    if (this.count === this.capacity) this.grow();
    const c = this.count++;
    this.cx[c] = x;
    this.cy[c] = y;
    this.half[c] = half;
    this.child[c] = -1;
    this.head[c] = -1;
    return c;
  }

  build(pos: Float64Array, bodyMass: Float64Array, k: number): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let a = 0; a < k; a++) {
      const x = pos[2 * a]!;
      const y = pos[2 * a + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const half = Math.max(maxX - minX, maxY - minY, 1e-9) * 0.5 * (1 + 1e-9);
    this.count = 0;
    this.cell((minX + maxX) / 2, (minY + maxY) / 2, half);
    const { next } = this;
    for (let b = 0; b < k; b++) {
      const x = pos[2 * b]!;
      const y = pos[2 * b + 1]!;
      let t = 0;
      let depth = 0;
      for (;;) {
        const c = this.child[t]!;
        if (c >= 0) {
          t = c + (x >= this.cx[t]! ? 1 : 0) + (y >= this.cy[t]! ? 2 : 0);
          depth++;
          continue;
        }
        const o = this.head[t]!;
        if (o < 0) {
          this.head[t] = b;
          next[b] = -1;
          break;
        }
        if (depth >= MAX_DEPTH || (pos[2 * o] === x && pos[2 * o + 1] === y)) {
          next[b] = o;
          this.head[t] = b;
          break;
        }
        // Split the leaf: its bodies (all at o's point) move to o's quadrant; then insert b from here.
        const h = this.half[t]! / 2;
        const x0 = this.cx[t]!;
        const y0 = this.cy[t]!;
        const first = this.cell(x0 - h, y0 - h, h);
        this.cell(x0 + h, y0 - h, h);
        this.cell(x0 - h, y0 + h, h);
        this.cell(x0 + h, y0 + h, h);
        this.child[t] = first;
        this.head[first + (pos[2 * o]! >= x0 ? 1 : 0) + (pos[2 * o + 1]! >= y0 ? 2 : 0)] = o;
        this.head[t] = -1;
      }
    }
    // Masses and centres of mass, children before parents.
    for (let t = this.count - 1; t >= 0; t--) {
      let m = 0;
      let sx = 0;
      let sy = 0;
      const c = this.child[t]!;
      if (c >= 0) {
        for (let q = c; q < c + 4; q++) {
          const mq = this.mass[q]!;
          m += mq;
          sx += mq * this.comX[q]!;
          sy += mq * this.comY[q]!;
        }
      } else {
        for (let b = this.head[t]!; b >= 0; b = next[b]!) {
          const mb = bodyMass[b]!;
          m += mb;
          sx += mb * pos[2 * b]!;
          sy += mb * pos[2 * b + 1]!;
        }
      }
      this.mass[t] = m;
      this.comX[t] = m > 0 ? sx / m : this.cx[t]!;
      this.comY[t] = m > 0 ? sy / m : this.cy[t]!;
    }
  }

  /** Add the (approximate) repulsion k_r · m_a · m_b / d on every body to fx, fy. */
  repel(pos: Float64Array, bodyMass: Float64Array, k: number, kr: number, theta: number, fx: Float64Array, fy: Float64Array): void {
    const { stack, next, child, head, mass, comX, comY, cx, cy, half } = this;
    const theta2 = theta * theta;
    for (let a = 0; a < k; a++) {
      const x = pos[2 * a]!;
      const y = pos[2 * a + 1]!;
      const ma = kr * bodyMass[a]!;
      let sx = 0;
      let sy = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const t = stack[--top]!;
        const c = child[t]!;
        if (c < 0) {
          for (let b = head[t]!; b >= 0; b = next[b]!) {
            if (b === a) continue;
            const dx = x - pos[2 * b]!;
            const dy = y - pos[2 * b + 1]!;
            const d2 = dx * dx + dy * dy;
            if (d2 > 0) {
              const f = (ma * bodyMass[b]!) / d2;
              sx += dx * f;
              sy += dy * f;
            }
          }
          continue;
        }
        const m = mass[t]!;
        if (m === 0) continue;
        const h = half[t]!;
        const inside = Math.abs(x - cx[t]!) <= h && Math.abs(y - cy[t]!) <= h;
        const dx = x - comX[t]!;
        const dy = y - comY[t]!;
        const d2 = dx * dx + dy * dy;
        if (!inside && 4 * h * h < theta2 * d2) {
          const f = (ma * m) / d2;
          sx += dx * f;
          sy += dy * f;
        } else {
          stack[top++] = c;
          stack[top++] = c + 1;
          stack[top++] = c + 2;
          stack[top++] = c + 3;
        }
      }
      fx[a]! += sx;
      fy[a]! += sy;
    }
  }
}
