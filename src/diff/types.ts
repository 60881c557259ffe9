/**
 * The result shape of `crdgen diff`: one `CrdChange` per difference between an old
 * and a new set of CustomResourceDefinitions, each classified as breaking or not.
 */

/** Every rule id a change can carry; each is produced by one module under `rules/`. */
export const CHANGE_KINDS = [
  // whole CRDs (rules/crd-presence.ts, group.ts, scope.ts, names.ts, aliases.ts, conversion.ts)
  "crd-removed",
  "crd-added",
  "group-changed",
  "scope-changed",
  "names-changed",
  "short-name-removed",
  "short-name-added",
  "category-removed",
  "category-added",
  "conversion-changed",
  // versions (rules/version-presence.ts, rules/served.ts, rules/storage-version.ts, rules/deprecation.ts)
  "version-removed",
  "version-added",
  "version-unserved",
  "version-served",
  "version-deprecated",
  "version-deprecation-changed",
  "storage-version-changed",
  // per-version extras (rules/subresources.ts, rules/printer-columns.ts, rules/selectable-fields.ts)
  "subresource-removed",
  "subresource-added",
  "subresource-changed",
  "printer-column-removed",
  "printer-column-added",
  "printer-column-changed",
  "selectable-field-removed",
  "selectable-field-added",
  // schema nodes (rules/fields.ts, rules/required.ts, rules/type.ts, ...)
  "field-removed",
  "field-added",
  "field-required",
  "field-optional",
  "type-changed",
  "enum-value-removed",
  "enum-added",
  "enum-value-added",
  "enum-removed",
  "bounds-tightened",
  "bounds-loosened",
  "pattern-added",
  "pattern-changed",
  "pattern-removed",
  "format-changed",
  "format-removed",
  "nullable-removed",
  "nullable-added",
  "validation-rule-added",
  "validation-rule-changed",
  "validation-rule-removed",
  "validation-rule-details-changed",
  "list-type-changed",
  "list-map-keys-changed",
  "map-type-changed",
  "additional-properties-changed",
  "composition-changed",
  "default-added",
  "default-changed",
  "description-changed",
  "schema-changed",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A key path into a parsed YAML/JSON document: object keys and array indices. */
export type DocumentLocation = (string | number)[];

export interface CrdChange {
  /** `metadata.name` of the CRD (the new one when a CRD was renamed by a group or plural change). */
  crd: string;
  /** The version name, for changes inside `spec.versions[<name>]`. */
  version?: string;
  /**
   * Where the change is, in Kubernetes field-path notation relative to the CRD object:
   * dotted field names; `[name]` for map keys (`properties[replicas]`) and for list
   * entries matched by name (`versions[v1]`, `additionalPrinterColumns[Age]`,
   * `selectableFields[.spec.color]`); `[i]` for CEL rules (`x-kubernetes-validations[0]`, the
   * index in the new CRD, or in the old one when the rule was removed). Example:
   * `spec.versions[v1].schema.openAPIV3Schema.properties[spec].properties[replicas].maximum`.
   */
  path: string;
  kind: ChangeKind;
  breaking: boolean;
  message: string;
  old?: unknown;
  new?: unknown;
  /**
   * The same place as a key path into the new CRD document, cut short at the deepest
   * node that exists there, and ending at the naming key (`name`, `rule`, `jsonPath`) of a
   * list entry; absent when the CRD is gone from the new side.
   * Used to point at a source line.
   */
  location?: DocumentLocation;
}
