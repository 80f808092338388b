interface Evidence {
  score: number;
  coverage: number;
  sampleSimilarity: number;
}

/**
 * Confidence in [0, 1] that a ranked section answers the question, from three signals:
 * how much of the question it covers, how closely the question resembles one of its sample
 * questions, and (for the top section) how far it stands above the runner-up.
 */
export function confidenceOf(section: Evidence, other: Evidence | undefined, isTop: boolean): number {
  const evidence = Math.max(section.coverage, section.sampleSimilarity);
  if (!isTop) {
    const relative = other && other.score > 0 ? section.score / other.score : 0;
    return clamp(evidence * relative * 0.6);
  }
  const gap = other && section.score > 0 ? (section.score - other.score) / section.score : 1;
  return clamp(Math.pow(evidence, 0.8) * (0.55 + 0.45 * gap));
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}
