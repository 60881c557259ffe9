/**
 * `field-removed` (breaking): a property is gone from `properties`. The API server
 * prunes it from requests and from stored objects on their next write, so data is
 * lost and clients that set or read it break.
 * Example: `properties: {replicas, image}` → `properties: {image}`.
 * Not breaking when the object keeps unknown fields (`x-kubernetes-preserve-unknown-fields`):
 * then nothing is pruned, and the value is only no longer validated.
 *
 * `field-added` (not breaking on its own): a new property. If it is also required,
 * `required.ts` reports that separately as breaking. Breaking when the object kept
 * unknown fields before: stored objects may already hold a value under that name, which
 * the new property's schema may reject (unless that schema accepts any value). Breaking too when
 * the new property has a default that the object's `maxProperties` or one of its rules may refuse
 * once filled in (../default-fill.ts).
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { schemaMap } from "../crd-access.js";
import { fillRisk } from "../default-fill.js";
import type { SchemaRule } from "./rule.js";

/** Whether values under names the schema does not list are kept rather than pruned. */
function keepsUnknownFields(node: JSONSchemaProps): boolean {
  return node["x-kubernetes-preserve-unknown-fields"] === true;
}

/** Keywords that constrain nothing: documentation, and keeping unknown fields. */
const INERT = new Set([
  "description",
  "title",
  "example",
  "externalDocs",
  "x-kubernetes-preserve-unknown-fields",
]);

/** A schema that every value fits (`{x-kubernetes-preserve-unknown-fields: true}`, no type). */
function acceptsAnyValue(node: JSONSchemaProps | undefined): boolean {
  return keepsUnknownFields(node ?? {}) && Object.keys(node ?? {}).every((k) => INERT.has(k));
}

export const fieldsRule: SchemaRule = {
  keywords: ["properties"],
  check(old, neu, at, report) {
    const before = schemaMap(old.properties);
    const after = schemaMap(neu.properties);
    for (const name of Object.keys(before)) {
      if (Object.hasOwn(after, name)) continue;
      const kept = keepsUnknownFields(neu);
      report({
        kind: "field-removed",
        breaking: !kept,
        at: at.field("properties").key(name),
        message: kept
          ? `field "${name}" was removed from the schema; the object keeps unknown fields, so stored values stay, unvalidated`
          : `field "${name}" was removed; stored values are pruned and clients using it break`,
        old: before[name]?.type,
      });
    }
    for (const name of Object.keys(after)) {
      if (Object.hasOwn(before, name)) continue;
      const held = keepsUnknownFields(old) && !acceptsAnyValue(after[name]);
      const risk =
        after[name]?.default === undefined ? undefined : fillRisk({ object: neu, name }, "its default");
      report({
        kind: "field-added",
        breaking: held || risk !== undefined,
        at: at.field("properties").key(name),
        message: held
          ? `field "${name}" was added where unknown fields were kept; stored values under "${name}" that do not fit its schema are now rejected`
          : `field "${name}" was added${risk === undefined ? "" : ` with a default; ${risk}`}`,
        new: after[name]?.type,
      });
    }
  },
};
