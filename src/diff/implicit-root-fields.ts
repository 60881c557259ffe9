/**
 * `apiVersion`, `kind` and `metadata` at the root of a CRD's schema are implicitly specified:
 * the API server sets them on every object, validates them itself and never prunes them.
 * Listing them with nothing but their type (controller-gen and crdgen do; istio's generator
 * does not), or naming them in the root's `required`, changes nothing a cluster accepts or
 * stores. So a side that leaves one out is compared as if it listed it with its bare type: a
 * type-only listing added or dropped is no change at all, and one that constrains more (a root
 * `metadata` limiting `name`, an `apiVersion` enum) reads as those constraints added or removed,
 * never as a field "removed; stored values are pruned". The same holds one level down for the
 * two fields of `metadata` a CRD may constrain, `name` and `generateName`.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import { schemaMap, stringList } from "./crd-access.js";

const IMPLICIT_TYPES = { apiVersion: "string", kind: "string", metadata: "object" } as const;
const IMPLICIT_NAMES: ReadonlySet<string> = new Set(Object.keys(IMPLICIT_TYPES));
/** The only fields of a root `metadata` a CRD may say anything about (Kubernetes refuses others). */
const METADATA_FIELDS = { name: "string", generateName: "string" } as const;

/** A schema that says no more than the API server already enforces for the field. */
function saysOnlyItsType(node: JSONSchemaProps, type: string): boolean {
  return node.type === type && Object.keys(node).every((k) => k === "type" || k === "description");
}

/** What a side that leaves a field out is compared as: the other's listing if it is type-only, else the bare type. */
function standIn(other: JSONSchemaProps, type: string): JSONSchemaProps {
  return saysOnlyItsType(other, type) ? other : { type };
}

/**
 * For each of `fields` that one side lists and the other does not, the stand-in the other
 * side gets: [old's additions, new's additions].
 */
function fills(
  before: Record<string, JSONSchemaProps>,
  after: Record<string, JSONSchemaProps>,
  fields: Readonly<Record<string, string>>,
): [Record<string, JSONSchemaProps>, Record<string, JSONSchemaProps>] {
  const fillOld: Record<string, JSONSchemaProps> = {};
  const fillNew: Record<string, JSONSchemaProps> = {};
  for (const [name, type] of Object.entries(fields)) {
    const was = before[name];
    const is = after[name];
    if (was === undefined && is !== undefined) fillOld[name] = standIn(is, type);
    if (is === undefined && was !== undefined) fillNew[name] = standIn(was, type);
  }
  return [fillOld, fillNew];
}

/** `node` with `fill`'s properties added. */
function withProperties(node: JSONSchemaProps, fill: Record<string, JSONSchemaProps>): JSONSchemaProps {
  if (Object.keys(fill).length === 0) return node;
  return { ...node, properties: { ...schemaMap(node.properties), ...fill } };
}

/** The root with the implicit names out of `required`. */
function withoutImplicitRequired(root: JSONSchemaProps): JSONSchemaProps {
  if (!Array.isArray(root.required)) return root;
  const out: JSONSchemaProps = { ...root };
  const required = stringList(root.required).filter((n) => !IMPLICIT_NAMES.has(n));
  if (required.length > 0) out.required = required;
  else delete out.required;
  return out;
}

/** Both root `metadata` schemas, each given the `name`/`generateName` the other lists and it does not. */
function alignMetadata(old: JSONSchemaProps, neu: JSONSchemaProps): [JSONSchemaProps, JSONSchemaProps] {
  if (old.type !== "object" || neu.type !== "object") return [old, neu];
  const [fillOld, fillNew] = fills(schemaMap(old.properties), schemaMap(neu.properties), METADATA_FIELDS);
  return [withProperties(old, fillOld), withProperties(neu, fillNew)];
}

/** The two root schemas, brought to the same form for the implicit fields (see above). */
export function alignImplicitRootFields(
  old: JSONSchemaProps,
  neu: JSONSchemaProps,
): [JSONSchemaProps, JSONSchemaProps] {
  // Only object roots: anything else is a broken schema, compared as it is.
  if (old.type !== "object" || neu.type !== "object") return [old, neu];
  const [fillOld, fillNew] = fills(schemaMap(old.properties), schemaMap(neu.properties), IMPLICIT_TYPES);
  const oldRoot = withProperties(withoutImplicitRequired(old), fillOld);
  const newRoot = withProperties(withoutImplicitRequired(neu), fillNew);
  const oldMeta = schemaMap(oldRoot.properties).metadata;
  const newMeta = schemaMap(newRoot.properties).metadata;
  if (oldMeta === undefined || newMeta === undefined) return [oldRoot, newRoot];
  const [alignedOld, alignedNew] = alignMetadata(oldMeta, newMeta);
  return [
    withProperties(oldRoot, { metadata: alignedOld }),
    withProperties(newRoot, { metadata: alignedNew }),
  ];
}
