/**
 * `names-changed` (breaking): `spec.names.kind`, `plural`, `singular` or `listKind`
 * differs. Kind appears in every object's manifest, plural in every REST path, and
 * singular/listKind in kubectl and typed clients. Defaults are applied first
 * (singular = lower-case kind, listKind = kind + "List") so spelling out a default is
 * not a change. Example: `kind: Widget` → `kind: Gadget`.
 * The API server refuses a new kind on an established CRD (`spec.names.kind: field is
 * immutable`), and a new plural is another CRD (`metadata.name` is `<plural>.<group>`), so
 * both messages say what rolling them out takes.
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import { namesOf } from "../crd-access.js";
import type { CrdRule } from "./rule.js";

const FIELDS = ["kind", "plural", "singular", "listKind"] as const;
type NameField = (typeof FIELDS)[number];

/** What the API server makes of a change to the names it keeps fixed. */
const CONSEQUENCE: Partial<Record<NameField, string>> = {
  kind: "; the API server refuses this on an existing CRD (kind is immutable), so it must be deleted with all its objects and re-created",
  plural:
    "; that makes it another CRD (its name is <plural>.<group>): objects of the old one are not carried over",
};

function effectiveName(crd: CustomResourceDefinition, field: NameField): string | undefined {
  const names = namesOf(crd);
  if (field === "singular") return names.singular ?? names.kind?.toLowerCase();
  if (field === "listKind")
    return names.listKind ?? (names.kind === undefined ? undefined : `${names.kind}List`);
  return names[field];
}

export const namesRule: CrdRule = {
  check(old, neu, at, report) {
    for (const field of FIELDS) {
      const before = effectiveName(old, field);
      const after = effectiveName(neu, field);
      if (before === after) continue;
      report({
        kind: "names-changed",
        breaking: true,
        at: at.field("spec").field("names").field(field),
        message: `names.${field} changed from ${before ?? "(unset)"} to ${after ?? "(unset)"}${CONSEQUENCE[field] ?? ""}`,
        old: before,
        new: after,
      });
    }
  },
};
