/**
 * Kubernetes prints some bad values as the JSON of its *internal* Go structs (field names
 * capitalised, every field present). These builders reproduce that shape, so our messages
 * match the API server's byte for byte.
 */
import type { JSONSchemaProps, ValidationRule } from "../schema/types.js";
import { GoStruct } from "./go-print.js";
import type { InternalColumn, InternalSubresources, InternalVersion } from "./model.js";

const orNull = (v: unknown) => (v === undefined ? null : v);

export function dumpSchema(s: JSONSchemaProps | undefined, depth = 0): GoStruct | null {
  if (!s || depth > 100) return null;
  const d = (x: JSONSchemaProps | undefined) => dumpSchema(x, depth + 1);
  const list = (xs: JSONSchemaProps[] | undefined) => (xs ? xs.map((x) => d(x)) : null);
  const map = (m: Record<string, JSONSchemaProps> | undefined) =>
    m ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, d(v)])) : null;
  const orBool = (v: JSONSchemaProps | boolean | undefined) =>
    v === undefined
      ? null
      : typeof v === "boolean"
        ? new GoStruct([
            ["Allows", v],
            ["Schema", null],
          ])
        : new GoStruct([
            ["Allows", true],
            ["Schema", d(v)],
          ]);
  const items =
    s.items === undefined
      ? null
      : Array.isArray(s.items)
        ? new GoStruct([
            ["Schema", null],
            ["JSONSchemas", list(s.items)],
          ])
        : new GoStruct([
            ["Schema", d(s.items)],
            ["JSONSchemas", null],
          ]);
  const deps = s.dependencies
    ? Object.fromEntries(
        Object.entries(s.dependencies).map(([k, v]) => [
          k,
          Array.isArray(v)
            ? new GoStruct([
                ["Schema", null],
                ["Property", v],
              ])
            : new GoStruct([
                ["Schema", d(v)],
                ["Property", null],
              ]),
        ]),
      )
    : null;
  return new GoStruct([
    ["ID", s.id ?? ""],
    ["Schema", s.$schema ?? ""],
    ["Ref", orNull(s.$ref)],
    ["Description", s.description ?? ""],
    ["Type", s.type ?? ""],
    ["Nullable", s.nullable ?? false],
    ["Format", s.format ?? ""],
    ["Title", s.title ?? ""],
    ["Default", orNull(s.default)],
    ["Maximum", orNull(s.maximum)],
    ["ExclusiveMaximum", s.exclusiveMaximum ?? false],
    ["Minimum", orNull(s.minimum)],
    ["ExclusiveMinimum", s.exclusiveMinimum ?? false],
    ["MaxLength", orNull(s.maxLength)],
    ["MinLength", orNull(s.minLength)],
    ["Pattern", s.pattern ?? ""],
    ["MaxItems", orNull(s.maxItems)],
    ["MinItems", orNull(s.minItems)],
    ["UniqueItems", s.uniqueItems ?? false],
    ["MultipleOf", orNull(s.multipleOf)],
    ["Enum", orNull(s.enum)],
    ["MaxProperties", orNull(s.maxProperties)],
    ["MinProperties", orNull(s.minProperties)],
    ["Required", orNull(s.required)],
    ["Items", items],
    ["AllOf", list(s.allOf)],
    ["OneOf", list(s.oneOf)],
    ["AnyOf", list(s.anyOf)],
    ["Not", d(s.not)],
    ["Properties", map(s.properties)],
    ["AdditionalProperties", orBool(s.additionalProperties)],
    ["PatternProperties", map(s.patternProperties)],
    ["Dependencies", deps],
    ["AdditionalItems", orBool(s.additionalItems)],
    ["Definitions", map(s.definitions)],
    [
      "ExternalDocs",
      s.externalDocs
        ? new GoStruct([
            ["Description", s.externalDocs.description ?? ""],
            ["URL", s.externalDocs.url ?? ""],
          ])
        : null,
    ],
    ["Example", orNull(s.example)],
    ["XPreserveUnknownFields", orNull(s["x-kubernetes-preserve-unknown-fields"])],
    ["XEmbeddedResource", s["x-kubernetes-embedded-resource"] ?? false],
    ["XIntOrString", s["x-kubernetes-int-or-string"] ?? false],
    ["XListMapKeys", orNull(s["x-kubernetes-list-map-keys"])],
    ["XListType", orNull(s["x-kubernetes-list-type"])],
    ["XMapType", orNull(s["x-kubernetes-map-type"])],
    ["XValidations", s["x-kubernetes-validations"] ? s["x-kubernetes-validations"].map(dumpRule) : null],
  ]);
}

export function dumpRule(r: ValidationRule): GoStruct {
  return new GoStruct([
    ["Rule", r.rule],
    ["Message", r.message ?? ""],
    ["MessageExpression", r.messageExpression ?? ""],
    ["Reason", orNull(r.reason)],
    ["FieldPath", r.fieldPath ?? ""],
    ["OptionalOldSelf", orNull(r.optionalOldSelf)],
  ]);
}

function dumpSubresources(s: InternalSubresources | undefined): GoStruct | null {
  if (!s) return null;
  const scale = s.scale
    ? new GoStruct([
        ["SpecReplicasPath", s.scale.specReplicasPath],
        ["StatusReplicasPath", s.scale.statusReplicasPath],
        ["LabelSelectorPath", orNull(s.scale.labelSelectorPath)],
      ])
    : null;
  return new GoStruct([
    ["Status", s.status ? {} : null],
    ["Scale", scale],
  ]);
}

function dumpColumn(c: InternalColumn): GoStruct {
  return new GoStruct([
    ["Name", c.name],
    ["Type", c.type],
    ["Format", c.format],
    ["Description", c.description],
    ["Priority", c.priority],
    ["JSONPath", c.jsonPath],
  ]);
}

export function dumpVersions(versions: readonly InternalVersion[]): GoStruct[] | null {
  if (versions.length === 0) return null;
  return versions.map(
    (v) =>
      new GoStruct([
        ["Name", v.name],
        ["Served", v.served],
        ["Storage", v.storage],
        ["Deprecated", v.deprecated],
        ["DeprecationWarning", orNull(v.deprecationWarning)],
        [
          "Schema",
          v.schema ? new GoStruct([["OpenAPIV3Schema", dumpSchema(v.schema.openAPIV3Schema)]]) : null,
        ],
        ["Subresources", dumpSubresources(v.subresources)],
        [
          "AdditionalPrinterColumns",
          v.additionalPrinterColumns.length ? v.additionalPrinterColumns.map(dumpColumn) : null,
        ],
        [
          "SelectableFields",
          v.selectableFields.length
            ? v.selectableFields.map((f) => new GoStruct([["JSONPath", f.jsonPath]]))
            : null,
        ],
      ]),
  );
}
