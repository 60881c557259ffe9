/** Picks the v1 CustomResourceDefinitions out of parsed documents; everything else is ignored. */
import type { CustomResourceDefinition } from "../../schema/types.js";
import type { YamlDocument, YamlProblem } from "../../yaml/load.js";
import { isRecord } from "../crd-access.js";

/** A CRD and the document it came from, for source positions. */
export interface SourcedCrd {
  crd: CustomResourceDefinition;
  document: YamlDocument;
}

/** The CRDs of one side of a diff, or why they could not be read. */
/**
 * `usage`: the error is about an argument (an unknown git ref, no repository), not about the
 * files read: the command line gives exit 2 for it rather than 1.
 */
export type CrdSetResult = { ok: true; crds: SourcedCrd[] } | { ok: false; error: string; usage?: boolean };

export function isV1Crd(value: unknown): value is CustomResourceDefinition {
  return (
    isRecord(value) &&
    value.apiVersion === "apiextensions.k8s.io/v1" &&
    value.kind === "CustomResourceDefinition" &&
    isRecord(value.spec)
  );
}

export function crdsIn(documents: readonly YamlDocument[]): SourcedCrd[] {
  return documents
    .filter((d) => isV1Crd(d.value))
    .map((document) => ({ crd: document.value as CustomResourceDefinition, document }));
}

/** `file:line:column: message` for the first few YAML problems. */
export function describeYamlProblems(problems: readonly YamlProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  return `invalid YAML:\n  ${shown.join("\n  ")}`;
}
