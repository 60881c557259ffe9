/**
 * Picks the v1 CustomResourceDefinitions out of parsed documents; everything else is ignored.
 * A CRD's value is what kubectl sends for it (kubectl-values.ts): diff compares what the
 * cluster gets, so `enum: [on]` and `enum: ["on"]` differ.
 */
import { kubectlListItems } from "../../yaml/kubectl-lists.js";
import type { CustomResourceDefinition } from "../../schema/types.js";
import { kubectlDifferences, kubectlValues } from "../../yaml/kubectl-values.js";
import { kubectlReading } from "../../yaml/yaml11.js";
import type { YamlDocument, YamlLoadResult, YamlProblem } from "../../yaml/load.js";
import { isRecord } from "../crd-access.js";

/** A CRD and the document it came from, for source positions. */
export interface SourcedCrd {
  crd: CustomResourceDefinition;
  document: YamlDocument;
  /** Where the CRD sits in the document: `[]`, or `["items", i]` inside a `kind: List`. */
  prefix: (string | number)[];
}

/** An unquoted scalar that kubectl reads otherwise than YAML 1.2 (`on` as true), and where. */
export interface KubectlReading {
  file: string;
  line: number;
  column: number;
  source: string;
  value: boolean | number;
}

/**
 * The CRDs of one side of a diff (with the scalars kubectl reads otherwise, to tell the user), or
 * why they could not be read. `usage`: the error is about an argument (an unknown git ref, no
 * repository), not about the files read: the command line gives exit 2 for it rather than 1.
 */
export type CrdSetResult =
  | { ok: true; crds: SourcedCrd[]; kubectlReadings: KubectlReading[] }
  | { ok: false; error: string; usage?: boolean };

export function isV1Crd(value: unknown): value is CustomResourceDefinition {
  return (
    isRecord(value) &&
    value.apiVersion === "apiextensions.k8s.io/v1" &&
    value.kind === "CustomResourceDefinition" &&
    isRecord(value.spec)
  );
}

/**
 * The v1 CRDs of the documents, including those inside list documents, as `crdgen check` finds
 * them; `values` are the documents' values (as read, unless given).
 */
export function crdsIn(
  documents: readonly YamlDocument[],
  values: readonly unknown[] = documents.map((d) => d.value),
): SourcedCrd[] {
  const out: SourcedCrd[] = [];
  for (const [i, document] of documents.entries()) {
    const value = values[i];
    const items = kubectlListItems(value);
    if (items === undefined) {
      if (isV1Crd(value)) out.push({ crd: value, document, prefix: [] });
      continue;
    }
    items.forEach((item, i) => {
      if (isV1Crd(item)) out.push({ crd: item, document, prefix: ["items", i] });
    });
  }
  return out;
}

/** The CRDs of a parsed file as kubectl sends them, and the scalars it reads otherwise than YAML 1.2. */
export function kubectlCrds(
  loaded: YamlLoadResult,
  file: string,
): { crds: SourcedCrd[]; readings: KubectlReading[] } {
  return {
    crds: crdsIn(loaded.documents, kubectlValues(loaded)),
    // Not a number beyond a float64 (`1e400`): kubectl's string is no YAML 1.1 reading to quote away.
    readings: kubectlDifferences(loaded).flatMap(({ line, column, source }) => {
      const value = kubectlReading(source);
      return value === undefined || typeof value === "string" ? [] : [{ file, line, column, source, value }];
    }),
  };
}

/** `file:line:column: message` for the first few YAML problems. */
export function describeYamlProblems(problems: readonly YamlProblem[]): string {
  const shown = problems.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
  return `invalid YAML:\n  ${shown.join("\n  ")}`;
}
