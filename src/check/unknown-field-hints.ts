/**
 * What to write instead of an unknown field of a hand-written CRD: the field meant when it is
 * misspelt (from the fields the strict decoder knew there), where it goes when it is in the wrong
 * place, and Kubernetes' way of saying what a JSON Schema keyword it has not got says.
 */
import { NAMES_FIELDS, SPEC_FIELDS, VALIDATION_FIELDS, VERSION_FIELDS } from "../validate/decode/crd.js";
import { knownFieldsOf } from "../validate/decode/decoder.js";
import { didYouMean } from "../tags/suggest.js";
import type { FieldError } from "../validate/field-error.js";
import { isPlainObject } from "../validate/json.js";
import { formatFieldPath, parseFieldPath, type Segment } from "./positions.js";
import { valueAt } from "./raw-value.js";

/** JSON Schema and OpenAPI keywords Kubernetes' schemas lack, and what says the same there. */
const FOREIGN_KEYWORDS: ReadonlyMap<string, (value: unknown) => string> = new Map([
  ["const", (v: unknown) => `Kubernetes has no const: write enum: [${JSON.stringify(v)}]`],
  [
    "examples",
    (v: unknown) =>
      `Kubernetes has one example, not a list of them: write example: ${JSON.stringify(Array.isArray(v) ? v[0] : v)}`,
  ],
  [
    "$defs",
    () =>
      "Kubernetes schemas cannot refer to definitions: write each one out in full where its $ref is, and remove $defs",
  ],
  [
    "readOnly",
    () =>
      "Kubernetes has no readOnly: for a field that cannot change once set, write x-kubernetes-validations: [{rule: self == oldSelf, message: is immutable}]",
  ],
  ["writeOnly", () => "Kubernetes has no writeOnly: remove it"],
  ["deprecated", () => "Kubernetes schemas have no deprecated: say so in the description"],
  ...["if", "then", "else", "dependentRequired", "dependentSchemas", "propertyNames", "contains"].map(
    (k) =>
      [
        k,
        () =>
          `Kubernetes schemas have no ${k}: write the constraint as a CEL rule, x-kubernetes-validations: [{rule: ...}]`,
      ] as const,
  ),
  [
    "prefixItems",
    () =>
      "Kubernetes has no tuples: give items one schema for every item, with minItems and maxItems for a length",
  ],
]);

/** Where each field of the CRD's envelope goes, for one written in the wrong place. */
const PLACES: ReadonlyArray<{ fields: ReadonlySet<string>; place: string }> = [
  { fields: SPEC_FIELDS, place: "spec" },
  { fields: NAMES_FIELDS, place: "spec.names" },
  { fields: VERSION_FIELDS, place: "each item of spec.versions" },
  { fields: VALIDATION_FIELDS, place: "spec.versions[*].schema" },
];

/** Keys a schema object is told apart by, to see a property written beside `properties:` instead of in it. */
const SCHEMA_SHAPE = ["type", "properties", "items", "$ref", "enum", "x-kubernetes-preserve-unknown-fields"];

/** A hint for a strict decoding error about an unknown field of a CRD, or undefined. */
export function unknownFieldHint(e: FieldError, crd: unknown): string | undefined {
  const known = knownFieldsOf(e);
  if (!known) return undefined;
  const segments = parseFieldPath(e.field);
  const name = String(segments.at(-1));
  const value = valueAt(crd, segments);
  // Of the structs decoded, only JSONSchemaProps has this field.
  const inSchema = known.includes("x-kubernetes-validations");
  const foreign = inSchema ? FOREIGN_KEYWORDS.get(name)?.(value) : undefined;
  if (foreign) return foreign;
  // ValidatingAdmissionPolicy's validations hold `expression:`; x-kubernetes-validations hold `rule:`.
  if (name === "expression" && known.includes("rule"))
    return "a rule's CEL expression is written rule: here (expression: is ValidatingAdmissionPolicy's)";
  const meant = didYouMean(name, known);
  if (meant !== undefined) return `did you mean ${meant}?`;
  if (inSchema && isPlainObject(value) && SCHEMA_SHAPE.some((k) => Object.hasOwn(value, k)))
    return `${name} looks like the schema of a property: put it under properties:`;
  return inSchema ? undefined : misplaced(name, segments.slice(0, -1));
}

/** Where an envelope field found in another part of the CRD belongs, when it has one place. */
function misplaced(name: string, parent: readonly Segment[]): string | undefined {
  // A version's `name` under spec may as well be the CRD's own (metadata.name).
  const places = name === "name" ? [] : PLACES.filter((p) => p.fields.has(name));
  const [place] = places;
  if (places.length !== 1 || !place) return undefined;
  return `${name} belongs in ${place.place}, not in ${parent.length === 0 ? "the top level" : formatFieldPath(parent)}`;
}
