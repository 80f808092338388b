/** A number in [0, 1), as Math.random gives. */
export type Random = () => number;

/** A deterministic pseudo-random generator, so every bench run measures the same knowledge. */
export function random(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
