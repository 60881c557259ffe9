/**
 * additional-properties-cleanup: Kubernetes forbids `additionalProperties` next to `properties`
 * unless it is `true` (G5). `false` beside properties is what pruning does anyway, so it
 * goes; `true` beside properties means "keep unknown fields", which Kubernetes spells
 * `x-kubernetes-preserve-unknown-fields: true`. A typed index signature next to named
 * properties cannot be expressed at all: a located error with a way out (@preserveUnknownFields
 * on the object, which keeps the other keys unchecked: then the map's schema goes).
 *
 *   in:  {type: object, properties: {a: ...}, additionalProperties: false}
 *   out: {type: object, properties: {a: ...}}
 *   in:  {type: object, properties: {a: ...}, additionalProperties: true}
 *   out: {type: object, properties: {a: ...}, x-kubernetes-preserve-unknown-fields: true}
 *   in:  {type: object, properties: {a: ...}, additionalProperties: {type: string}, x-kubernetes-preserve-unknown-fields: true}
 *   out: {type: object, properties: {a: ...}, x-kubernetes-preserve-unknown-fields: true}
 *
 * An additionalProperties schema that accepts anything (`[key: string]: unknown`) counts as `true`,
 * beside properties, on an embedded resource (which Kubernetes allows no additionalProperties), or on an
 * object tagged @preserveUnknownFields (which keeps any field already):
 *
 *   in:  {type: object, additionalProperties: {x-kubernetes-preserve-unknown-fields: true}, x-kubernetes-embedded-resource: true}
 *   out: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
 *   in:  {type: object, additionalProperties: {x-kubernetes-preserve-unknown-fields: true}, x-kubernetes-preserve-unknown-fields: true}
 *   out: {type: object, x-kubernetes-preserve-unknown-fields: true}
 */
import { codes } from "../src/diagnostics/codes.js";
import type { DraftSchema } from "../src/emit/draft.js";
import { walkOptions, reportAt, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "additional-properties-cleanup";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.strayAdditionalProperties;

export function additionalPropertiesCleanup(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      const extra = node.additionalProperties;
      if (extra === undefined) return node;
      const hasProperties = node.properties !== undefined && Object.keys(node.properties).length > 0;
      const { additionalProperties: _drop, ...rest } = node;
      // Kubernetes allows no additionalProperties on an embedded resource either: an
      // anything-map there (`@embeddedResource` on `Record<string, unknown>`) keeps any field too.
      const embedded = node["x-kubernetes-embedded-resource"] === true;
      // On an object tagged @preserveUnknownFields, an anything-map (`Record<string, unknown>`) adds
      // nothing: the object keeps any field as it is, as Strimzi's and kube-rs' CRDs write it.
      const preserved = node["x-kubernetes-preserve-unknown-fields"] === true;
      if (extra === true || ((hasProperties || embedded || preserved) && acceptsAnything(extra))) {
        return { ...rest, "x-kubernetes-preserve-unknown-fields": true };
      }
      if (!hasProperties) return node;
      if (extra === false) return rest;
      // @preserveUnknownFields: the author chose to keep the other keys unchecked.
      if (node["x-kubernetes-preserve-unknown-fields"] === true) return rest;
      reportAt(ctx, node, path, {
        severity: "error",
        code: codes.indexSignatureWithProperties,
        message:
          "An index signature (or Record) next to named properties cannot be expressed: Kubernetes allows either properties or additionalProperties on one object.",
        hint: "move the named properties or the map into a nested property, or tag the property @preserveUnknownFields",
      });
      return rest;
    },
    walkOptions(ctx, name, acts),
  );
}

/** `{}` or `{x-kubernetes-preserve-unknown-fields: true}` (plus documentation): any value at all. */
function acceptsAnything(schema: DraftSchema | false): boolean {
  if (schema === false) return false;
  return Object.entries(schema).every(
    ([k, v]) =>
      k === "description" ||
      k.startsWith("x-crdgen-") ||
      (k === "x-kubernetes-preserve-unknown-fields" && v === true),
  );
}
