/**
 * Kubernetes types whose schema is not their Go structure but a fixed shape, as controller-gen
 * writes them (its "known types"). The stored definitions refer to these by name.
 */
import type { JSONSchemaProps } from "../../schema/types.js";

/**
 * controller-gen's pattern for resource.Quantity. Kept here rather than imported from
 * `../known-types.ts`, which imports this module's package: importing back would be a cycle.
 */
export const QUANTITY_PATTERN =
  "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$";

const intOrString = (): JSONSchemaProps => ({
  anyOf: [{ type: "integer" }, { type: "string" }],
  "x-kubernetes-int-or-string": true,
});

const WELL_KNOWN = {
  /** k8s.io/apimachinery/pkg/util/intstr.IntOrString */
  IntOrString: intOrString,
  /** k8s.io/apimachinery/pkg/api/resource.Quantity: an int-or-string with the quantity grammar. */
  Quantity: () => ({ ...intOrString(), pattern: QUANTITY_PATTERN }),
  /** metav1.Time and metav1.MicroTime marshal as RFC 3339 strings. */
  Time: () => ({ type: "string", format: "date-time" }),
  MicroTime: () => ({ type: "string", format: "date-time" }),
  /** runtime.RawExtension: any embedded object, kept as written. */
  RawExtension: () => ({ type: "object", "x-kubernetes-preserve-unknown-fields": true }),
  /**
   * metav1.FieldsV1 is a trie of arbitrary field names; an object without properties would
   * prune all of it, so keep what is written.
   */
  FieldsV1: () => ({ type: "object", "x-kubernetes-preserve-unknown-fields": true }),
  /** apiextensions/v1.JSON is any JSON value, so it has no type at all. */
  JSON: () => ({ "x-kubernetes-preserve-unknown-fields": true }),
  /**
   * JSONSchemaPropsOrArray / OrBool / OrStringArray are JSON unions (schema or list, schema or
   * boolean, ...) that no single structural type describes.
   */
  AnyJSONValue: () => ({ "x-kubernetes-preserve-unknown-fields": true }),
} satisfies Record<string, () => JSONSchemaProps>;

export type WellKnownName = keyof typeof WELL_KNOWN;

export function isWellKnownName(name: string): name is WellKnownName {
  return Object.hasOwn(WELL_KNOWN, name);
}

/** A fresh copy of the well-known type's schema, or undefined if `name` is not one. */
export function wellKnownSchema(name: string): JSONSchemaProps | undefined {
  return isWellKnownName(name) ? WELL_KNOWN[name]() : undefined;
}

/**
 * The well-known types by their OpenAPI names, written as kubernetes-models exports them
 * (`io.k8s.apimachinery.pkg.api.resource.Quantity` → `IoK8sApimachineryPkgApiResourceQuantity`).
 */
export const WELL_KNOWN_BY_OPENAPI_NAME: Readonly<Record<string, WellKnownName>> = {
  IoK8sApimachineryPkgApiResourceQuantity: "Quantity",
  IoK8sApimachineryPkgUtilIntstrIntOrString: "IntOrString",
  IoK8sApimachineryPkgApisMetaV1Time: "Time",
  IoK8sApimachineryPkgApisMetaV1MicroTime: "MicroTime",
  IoK8sApimachineryPkgRuntimeRawExtension: "RawExtension",
  IoK8sApimachineryPkgApisMetaV1FieldsV1: "FieldsV1",
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSON: "JSON",
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrArray: "AnyJSONValue",
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrBool: "AnyJSONValue",
  IoK8sApiextensionsApiserverPkgApisApiextensionsV1JSONSchemaPropsOrStringArray: "AnyJSONValue",
};
