/**
 * `apiVersion`, `kind` and `metadata` at the root of a CRD's schema are implicitly specified:
 * the API server sets them on every object, validates them itself and never prunes them.
 * Listing them with nothing but their type (controller-gen and crdgen do; istio's generator
 * does not), or naming them in the root's `required`, changes nothing a cluster accepts or
 * stores. Both schemas are brought to the same form for those, so that such a difference is
 * not reported, least of all as "removed; stored values are pruned". A root `metadata` that
 * constrains `name` or `generateName` is not implicit and is compared as any field.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { schemaMap, stringList } from "./crd-access.js";

const IMPLICIT_TYPES = { apiVersion: "string", kind: "string", metadata: "object" } as const;
const IMPLICIT_NAMES: ReadonlySet<string> = new Set(Object.keys(IMPLICIT_TYPES));

/** A schema that says no more than the API server already enforces for the field. */
function saysOnlyItsType(node: JSONSchemaProps, type: string): boolean {
  return node.type === type && Object.keys(node).every((k) => k === "type" || k === "description");
}

/** The root with `fill`'s implicit fields added where absent and the implicit names out of `required`. */
function normalise(root: JSONSchemaProps, fill: Record<string, JSONSchemaProps>): JSONSchemaProps {
  const out: JSONSchemaProps = { ...root };
  if (Object.keys(fill).length > 0) out.properties = { ...schemaMap(root.properties), ...fill };
  if (Array.isArray(root.required)) {
    const required = stringList(root.required).filter((n) => !IMPLICIT_NAMES.has(n));
    if (required.length > 0) out.required = required;
    else delete out.required;
  }
  return out;
}

/** The two root schemas, each given the other's type-only implicit fields it lacks. */
export function alignImplicitRootFields(
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
): [JSONSchemaProps, JSONSchemaProps] {
  // Only object roots: anything else is a broken schema, compared as it is.
  if (old.type !== "object" || neu.type !== "object") return [old, neu];
  const before = schemaMap(old.properties);
  const after = schemaMap(neu.properties);
  const fillOld: Record<string, JSONSchemaProps> = {};
  const fillNew: Record<string, JSONSchemaProps> = {};
  for (const [name, type] of Object.entries(IMPLICIT_TYPES)) {
    const was = before[name];
    const is = after[name];
    if (was === undefined && is !== undefined && saysOnlyItsType(is, type)) fillOld[name] = is;
    if (is === undefined && was !== undefined && saysOnlyItsType(was, type)) fillNew[name] = was;
  }
  return [normalise(old, fillOld), normalise(neu, fillNew)];
}
