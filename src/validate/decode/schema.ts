/** Strict decoding of a v1 `JSONSchemaProps` value (see decoder.ts for the rules). */
import type { JSONSchemaProps, JsonValue, ValidationRule } from "../../schema/types.js";
import { child, index, key } from "../errors.js";
import { isPlainObject, setOwn } from "../json.js";
import { Decoder, MAX_DEPTH } from "./decoder.js";

const SCHEMA_FIELDS = new Set([
  "id",
  "$schema",
  "$ref",
  "description",
  "type",
  "format",
  "title",
  "default",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "multipleOf",
  "enum",
  "maxProperties",
  "minProperties",
  "required",
  "items",
  "allOf",
  "oneOf",
  "anyOf",
  "not",
  "properties",
  "additionalProperties",
  "patternProperties",
  "dependencies",
  "additionalItems",
  "definitions",
  "externalDocs",
  "example",
  "nullable",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
  "x-kubernetes-list-map-keys",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
  "x-kubernetes-validations",
]);

const RULE_FIELDS = new Set([
  "rule",
  "message",
  "messageExpression",
  "reason",
  "fieldPath",
  "optionalOldSelf",
]);
const EXTERNAL_DOCS_FIELDS = new Set(["description", "url"]);

const STRING_FIELDS = [
  "id",
  "$schema",
  "$ref",
  "description",
  "type",
  "format",
  "title",
  "pattern",
  "x-kubernetes-list-type",
  "x-kubernetes-map-type",
] as const;
const BOOL_FIELDS = [
  "exclusiveMaximum",
  "exclusiveMinimum",
  "uniqueItems",
  "nullable",
  "x-kubernetes-preserve-unknown-fields",
  "x-kubernetes-embedded-resource",
  "x-kubernetes-int-or-string",
] as const;
const INT_FIELDS = [
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
] as const;
const NUMBER_FIELDS = ["maximum", "minimum", "multipleOf"] as const;

/**
 * Which groups of fields a node sets. Schemas have a hundred thousand nodes with a few fields
 * each, so decoding looks only at the groups present instead of at every known field.
 */
const STRINGS = 1;
const BOOLS = 2;
const INTS = 4;
const NUMBERS = 8;
const GROUP_OF = new Map<string, number>([
  ...STRING_FIELDS.map((f) => [f, STRINGS] as const),
  ...BOOL_FIELDS.map((f) => [f, BOOLS] as const),
  ...INT_FIELDS.map((f) => [f, INTS] as const),
  ...NUMBER_FIELDS.map((f) => [f, NUMBERS] as const),
]);

type ReadScalar = (dec: Decoder, obj: Record<string, unknown>, name: string, path: string) => unknown;

/** Each group's fields and how one of them is decoded. */
const SCALAR_GROUPS: ReadonlyArray<{ bit: number; fields: readonly string[]; read: ReadScalar }> = [
  { bit: STRINGS, fields: STRING_FIELDS, read: (dec, obj, f, path) => dec.string(obj, f, path) },
  { bit: BOOLS, fields: BOOL_FIELDS, read: (dec, obj, f, path) => dec.bool(obj, f, path) },
  { bit: INTS, fields: INT_FIELDS, read: (dec, obj, f, path) => dec.int(obj, f, path) },
  { bit: NUMBERS, fields: NUMBER_FIELDS, read: (dec, obj, f, path) => dec.number(obj, f, path) },
];

function groupsOf(obj: Record<string, unknown>): number {
  let groups = 0;
  for (const k of Object.keys(obj)) groups |= GROUP_OF.get(k) ?? 0;
  return groups;
}

/** Decodes one schema node; returns undefined for null/absent or mistyped input. */
export function decodeSchema(
  value: unknown,
  path: string,
  dec: Decoder,
  depth = 0,
): JSONSchemaProps | undefined {
  if (depth > MAX_DEPTH) {
    dec.tooDeep(path);
    return undefined;
  }
  const obj = dec.object(value, path, "v1.JSONSchemaProps", SCHEMA_FIELDS);
  if (!obj) return undefined;
  const s: JSONSchemaProps = {};
  const out = s as Record<string, unknown>;
  const groups = groupsOf(obj);
  for (const group of SCALAR_GROUPS) {
    if (!(groups & group.bit)) continue;
    for (const f of group.fields) {
      const v = group.read(dec, obj, f, path);
      if (v !== undefined) out[f] = v;
    }
  }
  // default/example: any JSON; a JSON null leaves the pointer nil.
  if (obj["default"] !== undefined && obj["default"] !== null) s.default = obj["default"] as JsonValue;
  if (obj["example"] !== undefined && obj["example"] !== null) s.example = obj["example"] as JsonValue;
  const en = dec.array(obj, "enum", path, "[]v1.JSON");
  if (en) s.enum = en.map((e) => (e === undefined ? null : e)) as JsonValue[];
  const req = dec.stringArray(obj, "required", path);
  if (req) s.required = req;
  const keys = dec.stringArray(obj, "x-kubernetes-list-map-keys", path);
  if (keys) s["x-kubernetes-list-map-keys"] = keys;

  if (obj["items"] !== undefined && obj["items"] !== null) {
    const items = obj["items"];
    const ip = child(path, "items");
    if (Array.isArray(items)) {
      s.items = items.map((x, i) => decodeSchema(x, index(ip, i), dec, depth + 1) ?? {});
    } else if (isPlainObject(items)) {
      s.items = decodeSchema(items, ip, dec, depth + 1) ?? {};
    } else {
      dec.typeError(ip, items, "v1.JSONSchemaPropsOrArray");
    }
  }
  for (const f of ["allOf", "oneOf", "anyOf"] as const) {
    const arr = dec.array(obj, f, path, "[]v1.JSONSchemaProps");
    if (arr) s[f] = arr.map((x, i) => decodeSchema(x, index(child(path, f), i), dec, depth + 1) ?? {});
  }
  if (obj["not"] !== undefined && obj["not"] !== null) {
    const not = decodeSchema(obj["not"], child(path, "not"), dec, depth + 1);
    if (not) s.not = not;
  }
  for (const f of ["properties", "patternProperties", "definitions"] as const) {
    if (obj[f] === undefined || obj[f] === null) continue;
    const map = decodeSchemaMap(obj[f], child(path, f), dec, depth);
    if (map) s[f] = map;
  }
  for (const f of ["additionalProperties", "additionalItems"] as const) {
    const v = obj[f];
    if (v === undefined || v === null) continue;
    if (typeof v === "boolean") s[f] = v;
    else if (isPlainObject(v)) s[f] = decodeSchema(v, child(path, f), dec, depth + 1) ?? {};
    else dec.typeError(child(path, f), v, "v1.JSONSchemaPropsOrBool");
  }
  const deps = obj["dependencies"];
  if (deps !== undefined && deps !== null) {
    if (!isPlainObject(deps)) dec.typeError(child(path, "dependencies"), deps, "v1.JSONSchemaDependencies");
    else {
      s.dependencies = Object.fromEntries(
        Object.entries(deps).map(([k, v]) => {
          const p = key(child(path, "dependencies"), k);
          if (Array.isArray(v)) return [k, v.map((x) => (typeof x === "string" ? x : ""))];
          return [k, decodeSchema(v, p, dec, depth + 1) ?? {}];
        }),
      );
    }
  }
  const docs =
    obj["externalDocs"] === undefined || obj["externalDocs"] === null
      ? undefined
      : dec.object(
          obj["externalDocs"],
          child(path, "externalDocs"),
          "v1.ExternalDocumentation",
          EXTERNAL_DOCS_FIELDS,
        );
  if (docs) {
    s.externalDocs = {};
    const d = dec.string(docs, "description", child(path, "externalDocs"));
    const u = dec.string(docs, "url", child(path, "externalDocs"));
    if (d !== undefined) s.externalDocs.description = d;
    if (u !== undefined) s.externalDocs.url = u;
  }
  const rules = dec.array(obj, "x-kubernetes-validations", path, "v1.ValidationRules");
  if (rules) {
    s["x-kubernetes-validations"] = rules.map((r, i) =>
      decodeRule(r, index(child(path, "x-kubernetes-validations"), i), dec),
    );
  }
  return s;
}

function decodeSchemaMap(
  value: unknown,
  path: string,
  dec: Decoder,
  depth: number,
): Record<string, JSONSchemaProps> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) {
    dec.typeError(path, value, "map[string]v1.JSONSchemaProps");
    return undefined;
  }
  const out: Record<string, JSONSchemaProps> = {};
  for (const k in value) {
    // setOwn, not `=`: a property may be named `__proto__`.
    setOwn(out, k, decodeSchema(value[k], key(path, k), dec, depth + 1) ?? {});
  }
  return out;
}

function decodeRule(value: unknown, path: string, dec: Decoder): ValidationRule {
  const rule: ValidationRule = { rule: "" };
  const obj = dec.object(value, path, "v1.ValidationRule", RULE_FIELDS);
  if (!obj) return rule;
  rule.rule = dec.string(obj, "rule", path) ?? "";
  const message = dec.string(obj, "message", path);
  if (message !== undefined) rule.message = message;
  const messageExpression = dec.string(obj, "messageExpression", path);
  if (messageExpression !== undefined) rule.messageExpression = messageExpression;
  const reason = dec.string(obj, "reason", path);
  if (reason !== undefined) rule.reason = reason;
  const fieldPath = dec.string(obj, "fieldPath", path);
  if (fieldPath !== undefined) rule.fieldPath = fieldPath;
  const optionalOldSelf = dec.bool(obj, "optionalOldSelf", path);
  if (optionalOldSelf !== undefined) rule.optionalOldSelf = optionalOldSelf;
  return rule;
}
