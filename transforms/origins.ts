/**
 * Where each node of the final schema was written, keyed by its Kubernetes path below
 * `openAPIV3Schema` (`.properties[spec].properties[port]`), read just before finalize
 * strips the annotations. The validator reports Kubernetes paths; this turns them back
 * into `file:line:column` for the user.
 */
import type { SourceLocation } from "../src/diagnostics/diagnostic.js";
import { ORIGIN, type DraftSchema } from "../src/emit/draft.js";

export type OriginIndex = Map<string, SourceLocation>;

export function collectOrigins(schema: DraftSchema): OriginIndex {
  const index: OriginIndex = new Map();
  const visit = (node: DraftSchema, path: string) => {
    const origin = node[ORIGIN];
    if (origin) index.set(path, origin);
    for (const [name, child] of Object.entries(node.properties ?? {}))
      visit(child, `${path}.properties[${name}]`);
    if (node.items && !Array.isArray(node.items)) visit(node.items, `${path}.items`);
    if (node.additionalProperties && typeof node.additionalProperties === "object") {
      visit(node.additionalProperties, `${path}.additionalProperties`);
    }
  };
  visit(schema, "");
  return index;
}

/** The location of the deepest written node on `path` (a path below openAPIV3Schema). */
export function originOf(index: OriginIndex, path: string): SourceLocation | undefined {
  for (let p = path; ;) {
    const found = index.get(p);
    if (found) return found;
    const cut = Math.max(
      p.lastIndexOf(".properties["),
      p.lastIndexOf(".items"),
      p.lastIndexOf(".additionalProperties"),
      p.lastIndexOf("."),
    );
    if (cut < 0) return index.get("");
    p = p.slice(0, cut);
  }
}
