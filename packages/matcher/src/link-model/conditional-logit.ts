/**
 * The conditional logit model (McFadden, "Conditional logit analysis of qualitative choice behavior", in Zarembka
 * (ed.), Frontiers in Econometrics, 1974): each query node u "chooses" its new contacts from its candidate set C(u)
 * with P(v | u) = exp(w·x_uv) / Σ_{c ∈ C(u)} exp(w·x_uc). It learns exactly what the evaluation asks — which
 * candidates come first for one person — and features that are constant for u cancel out. Fitted by Newton's method
 * on the mean log-likelihood over the queries' chosen contacts, with an L2 penalty (λ/2)·‖w‖²: the gradient is
 * x_chosen − E_P[x], the Hessian Cov_P[x] + λI, so each step is one pass over the candidate rows.
 */
import { BridgeworkError } from '@bridgework/graph-core';

/** One query's choice set: `rows` (row-major, `features` columns) of its candidates, and which ones were chosen. */
export interface ChoiceSet {
  rows: Float64Array;
  /** Indices of the chosen candidates (the pairs that formed). */
  chosen: readonly number[];
  /**
   * Optional weight of each candidate in the denominator (default 1): a candidate drawn at random with probability
   * π stands for 1/π candidates (the sampled-softmax correction; Bengio & Senécal, IEEE TNN 19:713–722, 2008).
   */
  weights?: Float64Array;
  /** Weight of each of this set's choices in the fit (default 1); 1 / |chosen| makes every query count the same. */
  choiceWeight?: number;
}

/** Options of `fitConditionalLogit`. */
export interface ConditionalLogitOptions {
  /** L2 penalty λ ≥ 0; default 1e-2. */
  l2?: number;
  /** Newton steps at most; default 50. */
  maxIterations?: number;
  /** Stop when the largest coefficient change is below this; default 1e-8. */
  tolerance?: number;
}

/** Defaults of `fitConditionalLogit`. */
export const CONDITIONAL_LOGIT_DEFAULTS = Object.freeze({ l2: 1e-2, maxIterations: 50, tolerance: 1e-8 });

/** A fitted conditional logit. */
export interface ConditionalLogitModel {
  weights: number[];
  iterations: number;
  /** Mean negative log-likelihood per chosen contact at the end (without the penalty). */
  logLoss: number;
}

/** Solves A x = b for a symmetric positive-definite d × d A (Cholesky). */
function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) l[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * d + j] = s / l[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
    y[i] = s / l[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!;
    x[i] = s / l[i * d + i]!;
  }
  return x;
}

/**
 * Fit the weights w of a conditional logit to `sets`. Each chosen candidate counts as one choice among the set's
 * candidates that were not chosen plus itself. Throws a validation error for a set whose rows do not divide into
 * `features` columns, a chosen index out of range, a non-finite value, or no choice at all.
 */
export function fitConditionalLogit(sets: readonly ChoiceSet[], features: number, options: ConditionalLogitOptions = {}): ConditionalLogitModel {
  const { l2, maxIterations, tolerance } = { ...CONDITIONAL_LOGIT_DEFAULTS, ...options };
  const fail = (m: string): never => {
    throw new BridgeworkError('validation', `matcher/link-model: ${m}`);
  };
  if (!(l2 >= 0)) fail(`l2 must be ≥ 0, not ${l2}`);
  let choices = 0;
  sets.forEach((s, i) => {
    if (s.rows.length % features !== 0) fail(`choice set ${i}: ${s.rows.length} values do not make rows of ${features} features`);
    const m = s.rows.length / features;
    for (const c of s.chosen) if (!(Number.isInteger(c) && c >= 0 && c < m)) fail(`choice set ${i}: chosen index ${c} is not a candidate in [0, ${m})`);
    for (const x of s.rows) if (!Number.isFinite(x)) fail(`choice set ${i}: a feature value ${x} is not a finite number`);
    choices += s.chosen.length * (s.choiceWeight ?? 1);
  });
  if (choices === 0) fail('no choice to learn from');
  const d = features;
  const w = new Float64Array(d);
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const mean = new Float64Array(d);
  const second = new Float64Array(d * d);
  let iterations = 0;
  let loss = 0;
  const pass = (withDerivatives: boolean) => {
    loss = 0;
    grad.fill(0);
    hess.fill(0);
    for (const s of sets) {
      if (s.chosen.length === 0) continue;
      const m = s.rows.length / d;
      const isChosen = new Uint8Array(m);
      for (const c of s.chosen) isChosen[c] = 1;
      const z = new Float64Array(m);
      let max = -Infinity;
      for (let i = 0; i < m; i++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += w[j]! * s.rows[i * d + j]!;
        z[i] = t;
        if (t > max) max = t;
      }
      // The shared part: the candidates that were not chosen.
      let base = 0;
      mean.fill(0);
      if (withDerivatives) second.fill(0);
      for (let i = 0; i < m; i++) {
        if (isChosen[i]) continue;
        const e = (s.weights ? s.weights[i]! : 1) * Math.exp(z[i]! - max);
        base += e;
        if (!withDerivatives) continue;
        for (let a = 0; a < d; a++) {
          const xa = s.rows[i * d + a]!;
          mean[a]! += e * xa;
          for (let b = 0; b <= a; b++) second[a * d + b]! += e * xa * s.rows[i * d + b]!;
        }
      }
      const cw = s.choiceWeight ?? 1;
      for (const c of s.chosen) {
        const ec = Math.exp(z[c]! - max);
        const total = base + ec;
        loss += cw * (Math.log(total) - (z[c]! - max));
        if (!withDerivatives) continue;
        for (let a = 0; a < d; a++) {
          const xa = s.rows[c * d + a]!;
          const ea = (mean[a]! + ec * xa) / total;
          grad[a]! += cw * (ea - xa);
          for (let b = 0; b <= a; b++) {
            const eb = (mean[b]! + ec * s.rows[c * d + b]!) / total;
            hess[a * d + b]! += cw * ((second[a * d + b]! + ec * xa * s.rows[c * d + b]!) / total - ea * eb);
          }
        }
      }
    }
  };
  for (; iterations < maxIterations; iterations++) {
    pass(true);
    for (let a = 0; a < d; a++) {
      grad[a] = grad[a]! / choices + l2 * w[a]!;
      for (let b = 0; b <= a; b++) hess[a * d + b] = hess[a * d + b]! / choices;
      hess[a * d + a]! += l2;
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hess[b * d + a] = hess[a * d + b]!;
    const step = solveSpd(hess, grad, d);
    // Damped Newton: halve the step until the penalised loss does not rise (Newton alone can overshoot far from
    // the optimum; Boyd & Vandenberghe, Convex Optimization, §9.5).
    const penalised = () => loss / choices + (l2 / 2) * w.reduce((acc, x) => acc + x * x, 0);
    pass(false);
    const before = penalised();
    const start = Float64Array.from(w);
    let t = 1;
    let change = 0;
    for (let halvings = 0; halvings < 40; halvings++, t /= 2) {
      change = 0;
      for (let a = 0; a < d; a++) {
        w[a] = start[a]! - t * step[a]!;
        change = Math.max(change, Math.abs(t * step[a]!));
      }
      pass(false);
      if (penalised() <= before + 1e-12) break;
    }
    if (change < tolerance) {
      iterations++;
      break;
    }
  }
  pass(false);
  return { weights: Array.from(w), iterations, logLoss: loss / choices };
}
