/** Picks the v1 CustomResourceDefinitions out of parsed documents; everything else is ignored. */
import type { CustomResourceDefinition } from "../../schema/types.js";
import type { YamlDocument, YamlProblem } from "../../yaml/load.js";
import { isRecord } from "../crd-access.js";

/** A CRD and the document it came from, for source positions. */
export interface SourcedCrd {
  crd: CustomResourceDefinition;
  document: YamlDocument;
  /** Where the CRD sits in the document: `[]`, or `["items", i]` inside a `kind: List`. */
  prefix: (string | number)[];
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

/** `kubectl get crd -o yaml` of several CRDs writes one `kind: List` (or a typed list) of them. */
function listItems(value: unknown): unknown[] | undefined {
  if (!isRecord(value) || !Array.isArray(value.items)) return undefined;
  const list = value.kind === "List" || value.kind === "CustomResourceDefinitionList";
  return list ? value.items : undefined;
}

/** The v1 CRDs of the documents, including those inside list documents, as `crdgen check` reads them. */
export function crdsIn(documents: readonly YamlDocument[]): SourcedCrd[] {
  const out: SourcedCrd[] = [];
  for (const document of documents) {
    const items = listItems(document.value);
    if (items === undefined) {
      if (isV1Crd(document.value)) out.push({ crd: document.value, document, prefix: [] });
      continue;
    }
    items.forEach((item, i) => {
      if (isV1Crd(item)) out.push({ crd: item, document, prefix: ["items", i] });
    });
  }
  return out;
}

/** `file:line:column: message` for the first few YAML problems. */
export function describeYamlProblems(problems: readonly YamlProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  return `invalid YAML:\n  ${shown.join("\n  ")}`;
}
