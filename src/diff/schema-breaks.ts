/**
 * What an object held under one version's schema loses, or no longer passes, under another's:
 * the breaking differences between the two schemas. Rules about conversion `None` use it, since
 * that strategy rewrites `apiVersion` alone and leaves the object to the other schema.
 */
import type { CustomResourceDefinitionVersion } from "../schema/types.js";
import { schemaOf } from "./crd-access.js";
import { FieldPath } from "./field-path.js";
import type { Finding } from "./finding.js";
import { alignImplicitRootFields } from "./implicit-root-fields.js";
import { compareText } from "./order.js";
import { compareSchemas } from "./schema-walk.js";

/** The breaking differences from `from`'s schema to `to`'s, paths from `openAPIV3Schema`, in a fixed order. */
export function breakingDifferences(
  from: CustomResourceDefinitionVersion,
  to: CustomResourceDefinitionVersion,
): Finding[] {
  const findings: Finding[] = [];
  const [oldRoot, newRoot] = alignImplicitRootFields(schemaOf(from), schemaOf(to));
  compareSchemas(oldRoot, newRoot, FieldPath.root().field("openAPIV3Schema"), (f) => findings.push(f));
  // A map type changes how server-side apply merges, not whether stored values are kept.
  // Sorted, so that the one named first never depends on the key order of the input.
  return findings
    .filter((f) => f.breaking && f.kind !== "map-type-changed")
    .map((f) => ({ finding: f, path: f.at.toString() }))
    .sort(
      (a, b) =>
        compareText(a.path, b.path) ||
        compareText(a.finding.kind, b.finding.kind) ||
        compareText(a.finding.message, b.finding.message),
    )
    .map(({ finding }) => finding);
}

/** `first` and how many more: "<path>: <message> (and 2 more)". */
export function describeBreaks(breaks: readonly Finding[]): string {
  const [first] = breaks;
  if (first === undefined) return "";
  const more = breaks.length > 1 ? ` (and ${breaks.length - 1} more)` : "";
  return `${first.at.toString()}: ${first.message}${more}`;
}
