/**
 * The shape of `schemas.json`: Kubernetes' own types, each stored once, with references to
 * other stored types by name. The generator (`scripts/kubernetes-schemas/`) writes it and
 * `inline.ts` expands it; keeping every expansion would multiply the file many times over
 * (PodSpec alone inlines to ~10,000 schema nodes).
 */
import type { JSONSchemaProps } from "../../schema/types.js";

/**
 * A schema node as stored. `$ref` holds a bare name, either another stored definition (a
 * `@kubernetes/client-node` class name) or a well-known type from `well-known.ts`; the node's
 * other keys (description, default, list and map types) override the referenced schema's.
 */
export interface StoredSchema extends Omit<
  JSONSchemaProps,
  "$ref" | "properties" | "items" | "additionalProperties"
> {
  $ref?: string;
  properties?: Record<string, StoredSchema>;
  items?: StoredSchema;
  additionalProperties?: StoredSchema;
}

export interface StoredDefinition {
  /** The OpenAPI definition name, e.g. `io.k8s.api.core.v1.PodSpec`, where the generator could tell. */
  openapi?: string;
  schema: StoredSchema;
}

export interface KubernetesSchemaData {
  /** Where the data came from; written by the generator for people, not read by code. */
  source: Record<string, string>;
  /** Keyed by `@kubernetes/client-node` class name (`V1PodSpec`, `CoreV1ResourceClaim`). */
  definitions: Record<string, StoredDefinition>;
}
