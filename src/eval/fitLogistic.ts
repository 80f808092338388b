export interface LogisticModel<K extends string> {
  bias: number;
  weights: Record<K, number>;
}

export interface Example<K extends string> {
  features: Record<K, number>;
  label: 0 | 1;
}

/**
 * Fits a logistic regression by batch gradient descent with a small L2 penalty. Features are
 * expected in [0, 1], so no scaling is needed; deterministic for the same examples.
 */
export function fitLogistic<K extends string>(
  names: readonly K[],
  examples: Example<K>[],
  { iterations = 20_000, learningRate = 0.5, l2 = 0.002 } = {},
): LogisticModel<K> {
  let bias = 0;
  const weights = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  for (let step = 0; step < iterations; step++) {
    let gradBias = 0;
    const grad = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
    for (const { features, label } of examples) {
      let z = bias;
      for (const n of names) z += weights[n] * features[n];
      const error = 1 / (1 + Math.exp(-z)) - label;
      gradBias += error;
      for (const n of names) grad[n] += error * features[n];
    }
    bias -= (learningRate * gradBias) / examples.length;
    for (const n of names) weights[n] -= learningRate * (grad[n] / examples.length + l2 * weights[n]);
  }
  return { bias, weights };
}
