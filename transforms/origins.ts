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

/** What a path step reads of a schema node: final (JSONSchemaProps) or draft (DraftSchema) alike. */
interface PathNode<S> {
  properties?: Record<string, S>;
  items?: S | S[];
  additionalProperties?: S | boolean;
}

/**
 * Follows a validator path (`.properties[spec].items.additionalProperties`) down `root`, giving
 * `visit` each node on the way; the node at its end, or undefined where a step leaves the schema
 * (a missing property, or a keyword such as `.x-kubernetes-validations[0]`).
 */
export function followSchemaPath<S extends PathNode<S>>(
  root: S,
  path: string,
  visit?: (node: S) => void,
): S | undefined {
  let node: S | undefined = root;
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

/**
 * A validator error's field split into the version and the path below its openAPIV3Schema:
 * `spec.versions[1].schema.openAPIV3Schema.properties[a]` -> 1, `.properties[a]` (single-version
 * CRDs report `spec.validation...`); no schemaPath for a field outside the schema.
 */
export function splitSchemaPath(field: string): { version: number; schemaPath?: string } {
  const m = /^spec\.(?:versions\[(\d+)\]\.schema|validation)\.openAPIV3Schema(.*)$/.exec(field);
  if (m) return { version: m[1] ? Number(m[1]) : 0, schemaPath: m[2] ?? "" };
  const v = /^spec\.versions\[(\d+)\]/.exec(field);
  return { version: v ? Number(v[1]) : 0 };
}
