/**
 * Custom resources as kubectl sends them. kubectl, Helm, Argo CD and Flux all read YAML 1.1
 * (go-yaml v2 through sigs.k8s.io/yaml): `enabled: yes` reaches the API server as `true` and
 * `mode: 0755` as 493. Validating crdgen's YAML 1.2 reading instead called `enabled: yes` a
 * string where the API server accepts a boolean. The YAML 1.1 warning (CRD2002) still says that
 * other readers disagree.
 */
import { parseLikeKubectl } from "../yaml/yaml11.js";
import type { Yaml11Difference } from "../yaml/yaml11.js";

/**
 * The value of each document of `text` as kubectl reads it, by document order, when it differs
 * from crdgen's reading; undefined when nothing differs (nearly every file) or when the two
 * readings do not have the same documents (a syntax error: nothing to align with).
 */
export function kubectlDocumentValues(
  text: string,
  documentCount: number,
  differences: () => readonly Yaml11Difference[],
): readonly unknown[] | undefined {
  // Merge keys are already applied by crdgen's reading, as kubectl applies them.
  if (!differences().some((d) => d.yaml11Value !== "merge")) return undefined;
  const values = parseLikeKubectl(text);
  return values.length === documentCount ? values : undefined;
}
