/** Kubernetes' version priority (kube-aggregator's rule): GA > beta > alpha, higher numbers first, then the rest by name. */

const PATTERN = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

function rank(name: string): [number, number, number] | undefined {
  const m = PATTERN.exec(name);
  if (!m) return undefined;
  const stability = m[2] === undefined ? 3 : m[2] === "beta" ? 2 : 1;
  return [stability, Number(m[1]), m[3] === undefined ? 0 : Number(m[3])];
}

/** Sorts highest priority first: v1 > v1beta2 > v1beta1 > v1alpha1 > custom names. */
export function compareVersions(a: string, b: string): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra && rb) {
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
    return 0;
  }
  if (ra) return -1;
  if (rb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
