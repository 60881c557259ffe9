/**
 * What to change in the TypeScript when Kubernetes rejects a generated CRD. Kubernetes' own words
 * are kept as the message (they are what the API server would answer); a few of them speak of
 * the schema in terms no tag or type uses, and one calls a user's mistake an "internal error".
 * Those get a hint in crdgen's terms.
 */
import type { CustomResourceDefinition, JSONSchemaProps } from "../schema/types.js";
import { followSchemaPath, splitSchemaPath } from "../../transforms/origins.js";
import { didYouMean } from "../tags/suggest.js";
import { columnValueHint, isColumnValueError } from "./column-hints.js";
import { defaultOwner, isDefaultError, pathInDefault, unknownDefaultFields } from "./default-hints.js";
import { isDNS1035Label } from "../validate/dns.js";
import { nestedDeclType } from "../validate/cel/decl-type.js";
import { walkFieldPath } from "../validate/field-path-syntax.js";
import type { FieldError } from "../validate/field-error.js";
import { GoStruct } from "../validate/go-print.js";

interface RejectionHint {
  /** Whether Kubernetes' error is this case. */
  matches(error: FieldError): boolean;
  /** `crd`: the CRD the error is about, when known, for a hint naming what its schema holds. */
  hint: string | ((error: FieldError, crd: CustomResourceDefinition | undefined) => string);
}

const HINTS: readonly RejectionHint[] = [
  {
    // `@printColumn name=Age type=strin ...`: Kubernetes lists the values; the hint is the one meant.
    matches: isColumnValueError,
    hint: columnValueHint,
  },
  {
    // `@schemaType array` on a field that is no list: crdgen writes items only for a list type.
    matches: (e) => e.field.endsWith(".items") && e.detail === "must be specified",
    hint: "@schemaType array needs the field's items, which only a list type gives: declare the field as a list (T[]), or remove the @schemaType",
  },
  {
    // `@shortName WD`: Kubernetes' words are a regular expression; the fix is the same name in lower case.
    matches: (e) => e.detail.startsWith("a DNS-1035 label must consist") && lowerCaseLabel(e) !== undefined,
    hint: (e) => `write it in lower case: ${lowerCaseLabel(e)!}`,
  },
  {
    // A rule on `unknown`/`any` (x-kubernetes-preserve-unknown-fields with no type): CEL has no
    // type to check it against, and Kubernetes reports that as an internal error.
    matches: (e) => e.detail.includes("failed to construct type information for x-kubernetes-validations"),
    hint: "a CEL rule (@validation, @exactlyOneOf...) needs the field's type, and an unknown or any field has none: give the field a type, or put the rule on its parent",
  },
  {
    // CEL's words for a rule naming a field the object lacks (a one-of tag's names are checked
    // before, CRD3009), or one it has but CEL cannot see: a field of no type.
    matches: (e) => e.detail.startsWith("compilation failed:") && e.detail.includes("undefined field '"),
    hint: (e, crd) =>
      untypedField(e, crd) ??
      "the rule names a field this object does not have: check the names in @validation, @exactlyOneOf, @atMostOneOf or @atLeastOneOf against the type's properties",
  },
  {
    // `'too many: ' + string(self.replicas)`, as Kubernetes' own docs write it: cel-go's estimate
    // gives string(int) (and every conversion but bytes <-> string) no size bound.
    matches: (e) =>
      e.field.endsWith(".messageExpression") &&
      e.detail.startsWith("estimated messageExpression cost exceeds budget"),
    hint: "Kubernetes' estimate gives string(x) of a number, a duration or a timestamp no length bound, and a concatenation of strings without @maxLength none either: write the message with format, e.g. 'too many: %d'.format([self.replicas]) (%s for any value), and give the strings it uses a @maxLength",
  },
  {
    // Every version declares the same @selectableField: Kubernetes moves them to the CRD's spec,
    // where they need the one schema all versions share, and these versions' schemas differ.
    matches: (e) =>
      e.field === "spec.selectableFields" &&
      e.detail.includes("may only be set when validations.schema is included"),
    hint: "Kubernetes moves selectable fields that every version declares alike to the CRD's spec, where they need one schema for all versions, and these versions' schemas differ: declare them on fewer versions (the storage version, say), or make the schemas the same",
  },
  {
    // `/** @schemaless */ taskSpec?: Record<string, unknown>` alone: the node is empty, and Kubernetes
    // wants a type or one of the extensions that stand for one. crdgen writes no other node without
    // them (unknown and any are x-kubernetes-preserve-unknown-fields, unions of types are errors).
    matches: (e) => e.field.endsWith(".type") && e.detail === "must not be empty for specified object fields",
    hint: "a @schemaless field has no type of its own: add @preserveUnknownFields (any value, kept unchecked), @intOrString, or @schemaType <type>",
  },
  {
    // The same with the @schemaless type as a list's items (`type Raw` tagged @schemaless, `raw?: Raw[]`).
    matches: (e) => e.field.endsWith(".type") && e.detail === "must not be empty for specified array items",
    hint: "the list's item type is @schemaless, so it has no type of its own: beside its @schemaless, add @preserveUnknownFields (any value, kept unchecked), @intOrString, or @schemaType <type>",
  },
  {
    matches: (e) => e.detail === "must be atomic as item of a list with x-kubernetes-list-type=set",
    hint: "a set's items must be scalars or atomic: tag the item type @structType atomic (an object with fields), @mapType atomic (a map) or @listType atomic (a list), or make the list a list-map (@listType map with @listMapKey)",
  },
  {
    // `@listType set` on a string: the tag is for a list, and Kubernetes' words name no tag.
    matches: (e) => e.detail === "must be array if x-kubernetes-list-type is specified",
    hint: "@listType (and @listMapKey) belong on a list: put them on a field whose type is an array (T[]), or remove them",
  },
  {
    matches: (e) => e.detail === "must be object if x-kubernetes-map-type is specified",
    hint: "@mapType and @structType belong on a map or an object: put the tag on a field whose type is Record<string, T> or an interface, or remove it",
  },
  {
    // `@listType map` on a field that is no list: the missing items follow from the wrong type.
    matches: (e) => e.detail === "must have a schema if x-kubernetes-list-type is map",
    hint: "@listType map belongs on a list of objects (T[]), each keyed by its @listMapKey properties",
  },
  {
    // `@validation "self.a > 0"`: a bare argument is the rule, so its quotes make it a CEL string.
    matches: (e) => e.detail === "cel expression must evaluate to a bool" && quotedRule(e) !== undefined,
    hint: (e) =>
      `the rule is in quotes without rule=, so CEL reads it as a string: write @validation rule=${quotedRule(e)!} (or the rule bare, without quotes)`,
  },
  {
    // `@listMapKey type` alone (or beside `@listType set`), as Go's `+listMapKey` is often pasted
    // without its `+listType=map`: Kubernetes' words name the keyword, not the tag that is missing.
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-type") &&
      e.detail === "must be map if x-kubernetes-list-map-keys is non-empty",
    hint: (e) =>
      e.type === "FieldValueRequired"
        ? "@listMapKey keys a list-map: write @listType map beside it"
        : `@listMapKey keys a list-map: write @listType map instead of @listType ${String(e.badValue)} (or drop the @listMapKey tags)`,
  },
  {
    // `@listMapKey name` with `name?: string`: Kubernetes words it as a missing default, which
    // the generic @default hint below would misread as a bad one.
    matches: (e) =>
      e.detail.startsWith("this property is in x-kubernetes-list-map-keys, so it must have a default"),
    hint: (e) =>
      `every item of a list-map needs its keys: make ${listMapKey(e)} required (drop the \`?\`) or give it a @default`,
  },
  {
    matches: (e) => e.detail === "this property is in x-kubernetes-list-map-keys, so it cannot be nullable",
    hint: (e) => `a list-map's key cannot be null: drop \`| null\` (or @nullable) from ${listMapKey(e)}`,
  },
  {
    // `@listMapKey username` when the items have `name`.
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-map-keys") &&
      e.detail === "entries must all be names of item properties",
    hint: (e, crd) =>
      unknownMapKeys(e, crd) ??
      "each @listMapKey must name a property of the list's item type, as spelled there",
  },
  {
    // `@listType map` alone: the keys are what makes it a map.
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-map-keys") &&
      e.detail === "must not be empty if x-kubernetes-list-type is map",
    hint: (e, crd) => {
      const list = crd && schemaAt(crd, e.field.slice(0, -".x-kubernetes-list-map-keys".length));
      const key = list && likelyMapKey(list);
      return key === undefined
        ? "@listType map needs the fields that tell items apart: add @listMapKey <field> (a required field of the item type), or write @listType atomic"
        : `@listType map needs the fields that tell items apart: add @listMapKey ${key}`;
    },
  },
  {
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-map-keys") && e.detail === "must not contain duplicate entries",
    hint: (e) => {
      const keys = Array.isArray(e.badValue) ? e.badValue : [];
      const twice = keys.find((k, i) => keys.indexOf(k) !== i);
      return `@listMapKey ${typeof twice === "string" ? twice : "<field>"} is written twice: drop one`;
    },
  },
  {
    // `@listType map` on a list of strings.
    matches: (e) => e.detail === "must be object if parent array's x-kubernetes-list-type is map",
    hint: "@listType map is for a list of objects, keyed by their @listMapKey fields: for a list of strings or numbers write @listType set",
  },
  {
    // `@listMapKey spec` naming an object field.
    matches: (e) => e.detail === "must be a scalar type if parent array's x-kubernetes-list-type is map",
    hint: (e) => {
      const name = /\.items\.properties\[([^\]]+)\]\.type$/.exec(e.field)?.[1];
      return `a list-map's keys must be strings, numbers or booleans: ${name === undefined ? "this key" : `@listMapKey ${name}`} names an object or a list; key the list by a scalar field`;
    },
  },
  {
    // `@embeddedResource` on a string (the tag makes it an object, with no properties) or an empty interface.
    matches: (e) =>
      e.detail ===
      "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields",
    hint: "@embeddedResource belongs on an object type with apiVersion, kind and metadata (a whole Kubernetes object); to take any object unchecked, add @preserveUnknownFields beside it",
  },
  {
    matches: (e) => e.detail === "must not be used if x-kubernetes-embedded-resource is set",
    hint: "@embeddedResource belongs on an object type with apiVersion, kind and metadata, not on a map (Record<string, T>)",
  },
  {
    matches: (e) => e.detail === "must be object if x-kubernetes-embedded-resource is true",
    hint: "@embeddedResource makes the field an object: remove the @schemaType beside it (or the @embeddedResource)",
  },
  {
    // `@intOrString @preserveUnknownFields`: a string or a number has no fields to keep.
    matches: (e) => e.detail === "must be false if x-kubernetes-int-or-string is true",
    hint: (e) =>
      `@intOrString takes a string or a number, which ${e.field.endsWith("embedded-resource") ? "is no Kubernetes object: remove @embeddedResource" : "has no fields to keep: remove @preserveUnknownFields"} beside it`,
  },
  {
    // `@validation rule="..." fieldPath=.nme`: Kubernetes says only that the path is not valid.
    matches: (e) => e.field.endsWith(".fieldPath") && e.detail === "must be a valid path",
    hint: (e, crd) =>
      fieldPathHint(e, crd) ??
      "a rule's fieldPath names a field below the object the rule is on, as .name or .name.child (['a.b'] for a name with dots)",
  },
  {
    // `@default {"mod": "a"}` when the type has `mode`: Kubernetes names no field.
    matches: (e) => isDefaultError(e) && e.detail === "must not have unknown fields",
    hint: (e, crd) => {
      const owner = crd && defaultOwner(e);
      const schema = owner === undefined ? undefined : schemaAt(crd!, owner);
      return (
        (schema && unknownDefaultFields(e.badValue, schema)) ??
        "the @default value names a field its type does not declare: use the type's field names, as spelled there"
      );
    },
  },
  {
    // `@default {}` on an object with a required field: Kubernetes' path names it, its words do not.
    matches: (e) => isDefaultError(e) && e.type === "FieldValueRequired" && pathInDefault(e) !== "",
    hint: (e) =>
      `the @default value leaves out ${pathInDefault(e)}, which its type requires: add it to the @default (or make it optional in the type, with \`?\`)`,
  },
  {
    // `@default "c"` on `"a" | "b"`.
    matches: (e) => isDefaultError(e) && e.type === "FieldValueNotSupported",
    hint: (e) => {
      const values = [...e.detail.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
      // A one- or two-letter value is near every other: no guess.
      const near =
        typeof e.badValue === "string" && e.badValue.length > 2 ? didYouMean(e.badValue, values) : undefined;
      const guess = near === undefined ? "" : `: did you mean @default "${near}"?`;
      return `the @default value must be one of the values the field's type allows (listed above)${guess}`;
    },
  },
  {
    // `@default {"replicas": 1.5}` on an int32.
    matches: (e) => isDefaultError(e) && e.detail.endsWith('must be of type integer: "number"'),
    hint: (e) =>
      `the field ${pathInDefault(e) === "" ? "" : `${pathInDefault(e)} `}is an integer: give the @default a whole number there`,
  },
  {
    // `@default "abc"` with `@format date-time`: kube-openapi words a format as a type too.
    matches: (e) => isDefaultError(e) && formatInDetail(e.detail) !== undefined,
    hint: (e) => {
      const format = formatInDetail(e.detail)!;
      const example = FORMAT_EXAMPLES[format];
      return `the @default value is no ${format}, the field's format: give one it accepts${example === undefined ? "" : ` (${example})`}`;
    },
  },
  {
    // `@default "3"` on a number: Kubernetes' "in body must be of type number" names no tag.
    matches: (e) => isDefaultError(e) && /must be of type \w+/.test(e.detail),
    hint: '@default takes JSON, and its value must have the field\'s type: a number or boolean without quotes (@default 3, @default true), a string with them (@default "3")',
  },
  {
    matches: (e) => isDefaultError(e),
    hint: "the @default value breaks a rule of the field's own type (a bound, a length, a pattern, a format): give a @default the field accepts",
  },
];

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/** The format a default failed (`in body must be of type date-time`), when the "type" is one. */
function formatInDetail(detail: string): string | undefined {
  const type = /must be of type ([\w-]+)/.exec(detail)?.[1];
  return type === undefined || JSON_TYPES.has(type) ? undefined : type;
}

/** A value of each format users most often write a default of, as the hint shows it. */
const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  "date-time": '@default "2024-01-01T00:00:00Z"',
  date: '@default "2024-01-01"',
  duration: '@default "1h30m"',
  uuid: '@default "123e4567-e89b-12d3-a456-426614174000"',
  ipv4: '@default "10.0.0.1"',
  cidr: '@default "10.0.0.0/8"',
  hostname: '@default "example.com"',
  uri: '@default "https://example.com"',
  email: '@default "ops@example.com"',
};

/**
 * The field a list-map is most likely keyed by: `name` if the items require it, else their one
 * required string field; undefined when there is no telling.
 */
function likelyMapKey(list: JSONSchemaProps): string | undefined {
  const items = list.items && !Array.isArray(list.items) ? list.items : undefined;
  const required = (items?.required ?? []).filter((k) => {
    const type = items?.properties?.[k]?.type;
    return type === "string" || type === "integer";
  });
  return required.includes("name") ? "name" : required.length === 1 ? required[0] : undefined;
}

/** The rule of an error about a `@validation` rule written as one quoted string, quotes and all. */
function quotedRule(error: FieldError): string | undefined {
  if (!(error.badValue instanceof GoStruct)) return undefined;
  const rule = error.badValue.fields.find(([name]) => name === "Rule")?.[1];
  return typeof rule === "string" && /^(["']).*\1$/s.test(rule.trim()) ? rule.trim() : undefined;
}

/** The key property an error about `...items.properties[<name>].default` (or `.nullable`) names, as a hint says it. */
function listMapKey(error: FieldError): string {
  const name = /\.items\.properties\[([^\]]+)\]\.(default|nullable)$/.exec(error.field)?.[1];
  return name === undefined ? "the key field" : `\`${name}\``;
}

/** The bad value in lower case, when that makes it a valid DNS-1035 label. */
function lowerCaseLabel(error: FieldError): string | undefined {
  if (typeof error.badValue !== "string") return undefined;
  const lower = error.badValue.toLowerCase();
  return lower !== error.badValue && isDNS1035Label(lower).length === 0 ? lower : undefined;
}

/**
 * `@listMapKey nme` when the items have `name`: the keys the items lack, each with the property
 * meant, and the properties they have; undefined when the list's schema is not at hand.
 */
function unknownMapKeys(error: FieldError, crd: CustomResourceDefinition | undefined): string | undefined {
  const list = crd && schemaAt(crd, error.field.slice(0, -".x-kubernetes-list-map-keys".length));
  const items = list?.items;
  const properties = items && !Array.isArray(items) ? Object.keys(items.properties ?? {}) : undefined;
  if (!properties || !Array.isArray(error.badValue)) return undefined;
  const unknown = error.badValue.filter((k): k is string => typeof k === "string" && !properties.includes(k));
  if (unknown.length === 0) return undefined;
  const named = unknown.map((k) => `@listMapKey ${k}`).join(" and ");
  const meant = unknown.flatMap((k) => didYouMean(k, properties) ?? []);
  const guess =
    meant.length > 0 ? ` did you mean ${meant.map((k) => `@listMapKey ${k}`).join(" and ")}?` : "";
  const listed = properties.length > 0 ? `its properties: ${properties.join(", ")}` : "it has no properties";
  const none = unknown.length === 1 ? "names no property" : "name no properties";
  return `${named} ${none} of the list's item type:${guess} ${listed}`;
}

/**
 * `@exactlyOneOf url,path` with `path?: unknown`: the object has the field, but a field of no type
 * (x-kubernetes-preserve-unknown-fields alone), or a list or map of values of no type, is no field
 * to CEL, which says "undefined field".
 */
function untypedField(error: FieldError, crd: CustomResourceDefinition | undefined): string | undefined {
  const name = /undefined field '([^']+)'/.exec(error.detail)?.[1];
  const rules = /\.x-kubernetes-validations\[\d+\]\.rule$/.exec(error.field);
  if (name === undefined || !rules || !crd) return undefined;
  const properties = schemaAt(crd, error.field.slice(0, rules.index))?.properties;
  const field = properties && Object.hasOwn(properties, name) ? properties[name] : undefined;
  if (!field || nestedDeclType(field)) return undefined;
  if (field.type !== undefined)
    return `${name} is a ${field.type === "array" ? "list" : "map"} holding values of no type (unknown, any), and CEL rules see no such field: give those values a type (for an object of any fields, Record<string, unknown> tagged @preserveUnknownFields), or leave it out of the rule`;
  return `${name} has no type (unknown, any or @preserveUnknownFields alone), and CEL rules see no field of no type: give ${name} a type, or leave it out of the rule`;
}

/**
 * The first step of a rule's fieldPath that names no property, with the property meant and the
 * properties there; undefined when the rule's schema is not at hand or the path is not dotted names.
 */
function fieldPathHint(error: FieldError, crd: CustomResourceDefinition | undefined): string | undefined {
  const rules = /\.x-kubernetes-validations\[\d+\]\.fieldPath$/.exec(error.field);
  const object = rules && crd && schemaAt(crd, error.field.slice(0, rules.index));
  if (!object || typeof error.badValue !== "string") return undefined;
  let node: JSONSchemaProps | undefined = object;
  let walked = "";
  let missing: { name: string; properties: string[] } | undefined;
  walkFieldPath(error.badValue, (name) => {
    const properties: Record<string, JSONSchemaProps> | undefined = node?.properties;
    if (!properties || !Object.hasOwn(properties, name)) {
      missing = { name, properties: Object.keys(properties ?? {}) };
      return "missing";
    }
    walked += step(name);
    node = properties[name];
    return undefined;
  });
  if (!missing || missing.properties.length === 0) return undefined;
  const near = didYouMean(missing.name, missing.properties);
  const guess = near === undefined ? "" : ` did you mean fieldPath=${walked}${step(near)}?`;
  return `the rule's object has no field ${walked}${step(missing.name)}:${guess} ${walked === "" ? "its" : `${walked}'s`} properties: ${missing.properties.join(", ")}`;
}

/** One step of a fieldPath: `.name`, or `['a.b']` for a name a dot cannot precede. */
function step(name: string): string {
  return /^[A-Za-z_][\w-]*$/.test(name) ? `.${name}` : `['${name}']`;
}

/** The schema node a Kubernetes path names (`spec.versions[0].schema.openAPIV3Schema.properties[a].items`). */
function schemaAt(crd: CustomResourceDefinition, field: string): JSONSchemaProps | undefined {
  // A CRD whose versions share one schema is validated, as the API server does, with it in spec.validation.
  const { version, schemaPath } = splitSchemaPath(field);
  const root = crd.spec.versions[version]?.schema?.openAPIV3Schema;
  return root && schemaPath !== undefined ? followSchemaPath(root, schemaPath) : undefined;
}

/**
 * crdgen's hint for a Kubernetes error about a generated CRD, if it has one; `crd` (the CRD the
 * error is about) lets a hint name what the schema holds, such as the properties a key can name.
 */
export function rejectionHint(error: FieldError, crd?: CustomResourceDefinition): string | undefined {
  const hint = HINTS.find((h) => h.matches(error))?.hint;
  return typeof hint === "function" ? hint(error, crd) : hint;
}
