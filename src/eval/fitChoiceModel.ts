/** One question's choice: its candidates' features, and which of them are right (none: decline). */
export interface Choice<K extends string> {
  candidates: Record<K, number>[];
  /** Indexes of the right candidates; empty when "none of them" is right. */
  right: number[];
}

export interface ChoiceModel<K extends string> {
  bias: number;
  weights: Record<K, number>;
}

/**
 * Fits a conditional logit model (a softmax over each question's candidates and "none of them",
 * whose score is 0) by Newton's method with an L2 penalty on the weights. A candidate scores
 * `bias + Σ weight·feature`; the model maximises the probability of the right choice, the sum over
 * its right candidates, or "none" when no candidate is right. Deterministic.
 */
export function fitChoiceModel<K extends string>(
  names: readonly K[],
  choices: readonly Choice<K>[],
  { l2 = 0.01, iterations = 60, tolerance = 1e-7 } = {},
): ChoiceModel<K> {
  const d = names.length + 1; // bias first
  const beta = new Float64Array(d);
  const n = choices.length || 1;
  const vectors = choices.map((c) =>
    c.candidates.map((f) => Float64Array.from([1, ...names.map((name) => f[name])])),
  );
  const loss = (b: Float64Array) => {
    let total = 0;
    choices.forEach((choice, q) => {
      const scores = vectors[q]!.map((x) => dot(b, x));
      const top = Math.max(0, ...scores);
      const z = scores.reduce((sum, s) => sum + Math.exp(s - top), Math.exp(-top));
      const right = choice.right.length
        ? choice.right.reduce((sum, i) => sum + Math.exp(scores[i]! - top), 0)
        : Math.exp(-top);
      total += Math.log(z) - Math.log(right);
    });
    let penalty = 0;
    for (let k = 1; k < d; k++) penalty += b[k]! * b[k]!;
    return total / n + (l2 / 2) * penalty;
  };
  let current = loss(beta);
  for (let step = 0; step < iterations; step++) {
    const gradient = new Float64Array(d);
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    choices.forEach((choice, q) => {
      const xs = vectors[q]!;
      const scores = xs.map((x) => dot(beta, x));
      const top = Math.max(0, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, b) => a + b, Math.exp(-top));
      const p = exps.map((e) => e / total);
      // The right choice's distribution over candidates (all zero for "none").
      const rightTotal = choice.right.reduce((sum, i) => sum + p[i]!, 0);
      const mean = new Float64Array(d);
      const rightMean = new Float64Array(d);
      xs.forEach((x, i) => {
        for (let k = 0; k < d; k++) mean[k]! += p[i]! * x[k]!;
      });
      if (rightTotal > 0) {
        for (const i of choice.right)
          for (let k = 0; k < d; k++) rightMean[k]! += (p[i]! / rightTotal) * xs[i]![k]!;
      }
      // -log P(right) = log Z - log Σ_right exp(s): gradient E_p[x] - E_right[x]; its Hessian is
      // Cov_p[x] - Cov_right[x]; the second term is dropped (a positive semi-definite bound that keeps Newton stable).
      for (let k = 0; k < d; k++) gradient[k]! += (mean[k]! - rightMean[k]!) / n;
      xs.forEach((x, i) => {
        for (let a = 0; a < d; a++) {
          const xa = x[a]! - mean[a]!;
          for (let b = 0; b <= a; b++) hessian[a]![b]! += (p[i]! * xa * (x[b]! - mean[b]!)) / n;
        }
      });
      const pNone = Math.exp(-top) / total;
      for (let a = 0; a < d; a++)
        for (let b = 0; b <= a; b++) hessian[a]![b]! += (pNone * mean[a]! * mean[b]!) / n;
    });
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) hessian[b]![a] = hessian[a]![b]!;
    for (let k = 1; k < d; k++) {
      gradient[k]! += l2 * beta[k]!;
      hessian[k]![k]! += l2;
    }
    hessian[0]![0]! += 1e-6;
    const delta = solve(hessian, gradient);
    // Backtracking: halve the Newton step until the loss goes down.
    let scale = 1;
    let next = beta;
    let nextLoss = Infinity;
    for (let halving = 0; halving < 30; halving++, scale /= 2) {
      next = beta.map((b, k) => b - scale * delta[k]!);
      nextLoss = loss(next);
      if (nextLoss <= current) break;
    }
    if (!(nextLoss <= current)) break;
    let change = 0;
    for (let k = 0; k < d; k++) change = Math.max(change, Math.abs(next[k]! - beta[k]!));
    beta.set(next);
    current = nextLoss;
    if (change < tolerance) break;
  }
  return {
    bias: beta[0]!,
    weights: Object.fromEntries(names.map((name, i) => [name, beta[i + 1]!])) as Record<K, number>,
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** Solves A·x = b for a small positive-definite A (Gaussian elimination with partial pivoting). */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const lead = m[col]![col]! || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const factor = m[r]![col]! / lead;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  const out = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!;
    for (let c = r + 1; c < n; c++) sum -= m[r]![c]! * out[c]!;
    out[r] = sum / (m[r]![r]! || 1e-12);
  }
  return out;
}
