/**
 * Where each node of the final schema was written. The validator reports Kubernetes paths
 * below `openAPIV3Schema` (`.properties[spec].properties[port]`); `originOf` follows such a
 * path down the schema as it was just before finalize stripped the `x-crdgen-origin`
 * annotations, and returns the deepest annotation on the way. Nothing is indexed up front:
 * a generated CRD almost never has an error to place.
 */
import type { SourceLocation } from "../src/diagnostics/diagnostic.js";
import { ORIGIN, type DraftSchema } from "../src/emit/draft.js";

/** The annotated schema (before finalize), kept to answer `originOf`. */
export interface OriginIndex {
  readonly annotated: DraftSchema;
}

const STEP = /^\.(?:properties\[(.*?)\](?=\.|$)|items(?=\.|$)|additionalProperties(?=\.|$))/;

/** The location of the deepest written node on `path` (a path below openAPIV3Schema). */
export function originOf(index: OriginIndex, path: string): SourceLocation | undefined {
  let found = index.annotated[ORIGIN];
  followSchemaPath(index.annotated, path, (node) => (found = node[ORIGIN] ?? found));
  return found;
}

/**
 * Follows a validator path (`.properties[spec].items.additionalProperties`) down `root`, giving
 * `visit` each node on the way; the node at its end, or undefined where a step leaves the schema
 * (a missing property, or a keyword such as `.x-kubernetes-validations[0]`).
 */
export function followSchemaPath(
  root: DraftSchema,
  path: string,
  visit?: (node: DraftSchema) => void,
): DraftSchema | undefined {
  let node: DraftSchema | undefined = root;
  for (let rest = path; node && rest;) {
    const m = STEP.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    if (m[1] !== undefined) node = node.properties?.[m[1]];
    else if (m[0] === ".items") node = node.items && !Array.isArray(node.items) ? node.items : undefined;
    else node = typeof node.additionalProperties === "object" ? node.additionalProperties : undefined;
    if (node) visit?.(node);
  }
  return node;
}
