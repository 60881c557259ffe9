/** Small CRDs for tests: a `widgets.example.com` CRD whose `spec` schema tests vary. */
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionVersion,
  JSONSchemaProps,
} from "../../src/schema/types.js";

export function rootSchema(spec: JSONSchemaProps): JSONSchemaProps {
  return { type: "object", properties: { spec } };
}

export function version(
  name: string,
  spec: JSONSchemaProps = { type: "object" },
  extra: Partial<CustomResourceDefinitionVersion> = {},
): CustomResourceDefinitionVersion {
  return { name, served: true, storage: true, schema: { openAPIV3Schema: rootSchema(spec) }, ...extra };
}

export interface CrdOptions {
  group?: string;
  plural?: string;
  kind?: string;
  scope?: string;
  shortNames?: string[];
  categories?: string[];
  versions?: CustomResourceDefinitionVersion[];
}

export function crd(options: CrdOptions = {}): CustomResourceDefinition {
  const group = options.group ?? "example.com";
  const plural = options.plural ?? "widgets";
  const kind = options.kind ?? "Widget";
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: options.scope ?? "Namespaced",
      names: {
        plural,
        singular: kind.toLowerCase(),
        kind,
        listKind: `${kind}List`,
        ...(options.shortNames ? { shortNames: options.shortNames } : {}),
        ...(options.categories ? { categories: options.categories } : {}),
      },
      versions: options.versions ?? [version("v1")],
    },
  };
}

/** A one-version CRD whose `spec` field has the given schema. */
export function crdWithSpec(spec: JSONSchemaProps): CustomResourceDefinition {
  return crd({ versions: [version("v1", spec)] });
}

/** An object schema with the given properties. */
export function object(
  properties: Record<string, JSONSchemaProps>,
  extra: JSONSchemaProps = {},
): JSONSchemaProps {
  return { type: "object", properties, ...extra };
}
