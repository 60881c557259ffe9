/**
 * What to write instead, for the values people put in hand-written CRDs out of JSON Schema,
 * OpenAPI v2 or v1beta1 habit (`required: true`, `type: [string, "null"]`, `scope: namespaced`,
 * `subresources: {status: true}`...), where the API server's words say only what is wrong.
 */
import type { FieldError } from "../validate/field-error.js";
import { isPlainObject, jsonKind } from "../validate/json.js";
import { didYouMean } from "../tags/suggest.js";
import { crdErrorSegments, parseFieldPath } from "./positions.js";
import { valueAt } from "./raw-value.js";
import { kubectlReading } from "../yaml/yaml11.js";

interface ValueHint {
  matches(e: FieldError): boolean;
  /** `value`: the value the error is about, as written; `crd`: the whole CRD, as written. */
  hint(e: FieldError, value: unknown, crd: unknown): string | undefined;
}

const UNMARSHAL = /^json: cannot unmarshal (\w+) into Go value of type (\S+)$/;

/** Spellings of a schema type from other languages and schema dialects, and what Kubernetes calls it. */
const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ["int", "integer"],
  ...["integer32", "int32", "short"].map((t) => [t, "integer, with format: int32"] as const),
  ...["int64", "integer64", "long"].map((t) => [t, "integer, with format: int64"] as const),
  ...["uint", "uint32", "uint64"].map((t) => [t, "integer, with minimum: 0"] as const),
  ...["float", "float32", "single"].map((t) => [t, "number, with format: float"] as const),
  ...["double", "float64", "decimal"].map((t) => [t, "number, with format: double"] as const),
  ["bool", "boolean"],
  ...["str", "text", "char"].map((t) => [t, "string"] as const),
  ...["list", "slice", "tuple"].map((t) => [t, "array, with items: the schema of each item"] as const),
  ...["map", "dict", "dictionary", "hash", "record"].map(
    (t) => [t, "object, with additionalProperties: the schema of each value"] as const,
  ),
  ["null", "the field's type, and nullable: true"],
]);

/** What to write for `bad`, a value out of `supported`: the same in another case, an alias, or a near spelling. */
function supportedMeant(bad: string, supported: readonly string[]): string | undefined {
  const same = supported.find((s) => s.toLowerCase() === bad.toLowerCase());
  if (same !== undefined) return same;
  const alias = TYPE_NAMES.get(bad.toLowerCase());
  // A schema's type (a printer column's type has no object, nor nullable, nor items).
  if (supported.includes("object")) {
    const trimmed = bad.replace(/[?!]+$/, "");
    if (trimmed !== bad && supported.includes(trimmed))
      return `${trimmed}, with nullable: true if null is allowed`;
    if (alias !== undefined) return alias;
  }
  const aliasType = alias?.split(",")[0];
  if (aliasType !== undefined && supported.includes(aliasType)) return aliasType;
  return didYouMean(bad, supported);
}

/** A number or boolean written in quotes, when the Go type wanted one. */
function unquoted(value: unknown, goType: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const isBool = text === "true" || text === "false";
  const isNumber = text !== "" && Number.isFinite(Number(text));
  const wantsBool = goType === "bool" || goType === "v1.JSONSchemaPropsOrBool";
  const wantsNumber = /^(u?int\d*|float\d+)$/.test(goType);
  if ((wantsBool && isBool) || (wantsNumber && isNumber))
    return `write ${text} without quotes: in quotes it is a string`;
  const yaml11 = wantsBool ? kubectlReading(text) : undefined;
  if (typeof yaml11 === "boolean")
    return `write ${yaml11}: YAML 1.1 readers (kubectl) read ${text} as a boolean, others as a string`;
  return undefined;
}

/** The property a `...properties[<name>].<keyword>` path is about. */
function propertyName(field: string): string | undefined {
  const segments = parseFieldPath(field);
  return segments.at(-3) === "properties" ? String(segments.at(-2)) : undefined;
}

/** A JSON Schema type list: the one type Kubernetes takes, and the keyword that says the rest. */
function typeList(types: readonly unknown[]): string {
  const named = types.filter((t): t is string => typeof t === "string" && t !== "null");
  const nullable = named.length < types.length ? " and nullable: true" : "";
  if (named.length === 1) return `type takes one type: write type: ${named[0]!}${nullable}`;
  if (named.length === 2 && named.includes("integer") && named.includes("string"))
    return `type takes one type: for an integer or a string, write x-kubernetes-int-or-string: true${nullable} without type`;
  return `type takes one type: for a value of any type, write x-kubernetes-preserve-unknown-fields: true${nullable} without type`;
}

function typeErrorHint(e: FieldError, value: unknown): string | undefined {
  const [, jsonType, goType] = UNMARSHAL.exec(e.detail) ?? [];
  if (!jsonType || !goType) return undefined;
  const keyword = parseFieldPath(e.field).at(-1);
  if (keyword === "required" && typeof value === "boolean") {
    const name = propertyName(e.field);
    return name === undefined
      ? "required is a list of property names on the object that holds them"
      : `required is a list on the object that holds the property: remove required: ${String(value)} here and add ${name} to the required list beside the parent's properties (required: [${name}])`;
  }
  if (keyword === "type" && Array.isArray(value)) return typeList(value);
  if ((keyword === "exclusiveMinimum" || keyword === "exclusiveMaximum") && typeof value === "number") {
    const bound = keyword === "exclusiveMinimum" ? "minimum" : "maximum";
    return `in OpenAPI v3.0, as Kubernetes has it, ${keyword} is a boolean: write ${bound}: ${value} and ${keyword}: true`;
  }
  if (goType === "v1.CustomResourceSubresourceStatus")
    return value === true
      ? "write status: {} (an empty object turns the status subresource on)"
      : "leave status out to have no status subresource, or write status: {} to have one";
  if (goType === "v1.CustomResourceSubresourceScale")
    return "scale is an object of paths: scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}";
  if (goType === "v1.JSONSchemaProps" && typeof value === "string") {
    const name = parseFieldPath(e.field).at(-1);
    return `a property's schema is an object: write ${String(name)}: {type: ${value}}`;
  }
  if (goType.startsWith("[]") && isPlainObject(value))
    return `${String(keyword)} is a list: begin each item with - (a dash and a space)`;
  if (goType.startsWith("[]") && !Array.isArray(value))
    return `write a list: ${String(keyword)}: [${JSON.stringify(value)}]`;
  return unquoted(value, goType);
}

/** The values a NotSupported error lists, or an Invalid one's "must be one of a,b,c". */
function supportedValues(e: FieldError): string[] | undefined {
  if (e.type === "FieldValueNotSupported" && e.detail.startsWith("supported values: "))
    return [...e.detail.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
  const oneOf = /^must be one of ([\w,]+)$/.exec(e.detail)?.[1];
  return oneOf?.split(",");
}

/** The type of a default that is not the field's, and the default written in it when it can be. */
function defaultHint(e: FieldError, value: unknown): string | undefined {
  const type = /must be of type (\w+)/.exec(e.detail)?.[1];
  if (type === undefined || value === undefined) return undefined;
  const is = `the default is ${article(jsonKind(value))} and the field is type: ${type}`;
  if (type === "string" && typeof value !== "object")
    return `${is}: write default: ${JSON.stringify(String(value))}`;
  const fixed = unquoted(value, type === "boolean" ? "bool" : type === "string" ? "" : "float64");
  return fixed ? `${is}: ${fixed}` : `${is}: give a default of type ${type}`;
}

function article(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** The `storage` (and `served`) flags of a CRD's versions, as written. */
function versionFlags(crd: unknown): Array<{ name: string; served: unknown; storage: unknown }> {
  const versions = valueAt(crd, ["spec", "versions"]);
  if (!Array.isArray(versions)) return [];
  return versions.filter(isPlainObject).map((v) => ({
    name: typeof v["name"] === "string" ? v["name"] : "?",
    served: v["served"],
    storage: v["storage"],
  }));
}

function storageHint(crd: unknown): string | undefined {
  if (!Array.isArray(valueAt(crd, ["spec", "versions"])) && valueAt(crd, ["spec", "versions"]) !== undefined)
    return "this follows from the error above: spec.versions is not a list";
  const versions = versionFlags(crd);
  const stored = versions.filter((v) => v.storage === true).map((v) => v.name);
  if (stored.length > 1)
    return `${stored.join(" and ")} ${stored.length === 2 ? "both" : "all"} have storage: true: keep it on the one version the API server stores objects as, and write storage: false on the others`;
  if (stored.length === 1 || versions.length === 0) return undefined;
  const unserved = versions.filter((v) => v.served === undefined).length > 0;
  const first = versions.length === 1 ? ` (here: ${versions[0]!.name})` : "";
  return (
    `no version has storage: true, and it is not defaulted: write storage: true on the version the API server stores objects as${first}` +
    (unserved ? ", and served: true on each version clients use (served is not defaulted either)" : "")
  );
}

/**
 * A field Kubernetes found missing that is there, misspelt (`tyep`) or of a value it could not
 * read (`type: [string, "null"]`), or a schema node without a type.
 */
function requiredHint(e: FieldError, crd: unknown): string | undefined {
  const segments = crdErrorSegments(e);
  const name = segments.at(-1);
  if (typeof name !== "string") return undefined;
  const parent = valueAt(crd, segments.slice(0, -1));
  if (isPlainObject(parent)) {
    if (Object.hasOwn(parent, name))
      return `${name} is here, but its value could not be read: see the error about it`;
    const written = Object.keys(parent).find((k) => didYouMean(k, [name]) !== undefined);
    if (written !== undefined) return `${name} is written ${written} here: spell it ${name}`;
  } else if (parent !== undefined) {
    return "this follows from the error about the value above, which is not an object";
  }
  if (name === "type" && e.detail === "must not be empty for specified object fields")
    return "give the property a type: string, integer, number, boolean, object or array (or x-kubernetes-int-or-string: true for either an integer or a string, x-kubernetes-preserve-unknown-fields: true for any value)";
  return undefined;
}

const HINTS: readonly ValueHint[] = [
  { matches: (e) => e.type === "FieldValueRequired", hint: (e, _value, crd) => requiredHint(e, crd) },
  { matches: (e) => UNMARSHAL.test(e.detail), hint: (e, value) => typeErrorHint(e, value) },
  {
    matches: (e) => supportedValues(e) !== undefined && typeof e.badValue === "string",
    hint: (e) => {
      const meant = supportedMeant(e.badValue as string, supportedValues(e)!);
      return meant === undefined ? undefined : `write ${meant}`;
    },
  },
  {
    matches: (e) => /\.default$/.test(e.field) && /must be of type \w+/.test(e.detail),
    hint: (e, value) => defaultHint(e, value),
  },
  {
    matches: (e) =>
      e.field === "spec.versions" && e.detail === "must have exactly one version marked as storage version",
    hint: (_e, _value, crd) => storageHint(crd),
  },
  {
    // PrepareForCreate sets status.storedVersions to the storage version, so this follows from the error above.
    matches: (e) =>
      e.field === "status.storedVersions" &&
      /^must have (at least one stored version|the storage version )/.test(e.detail),
    hint: (_e, _value, crd) =>
      versionFlags(crd).filter((v) => v.storage === true).length === 1
        ? undefined
        : "this follows from spec.versions: a new CRD's status.storedVersions is its storage version, so it goes away once exactly one version has storage: true",
  },
  {
    matches: (e) => e.field === "metadata.name" && e.detail === 'must be spec.names.plural+"."+spec.group',
    hint: (_e, _value, crd) => {
      const plural = valueAt(crd, ["spec", "names", "plural"]);
      const group = valueAt(crd, ["spec", "group"]);
      return typeof plural === "string" && typeof group === "string" && plural !== "" && group !== ""
        ? `write name: ${plural}.${group}`
        : undefined;
    },
  },
  {
    matches: (e) => e.detail === "items must be a schema object and not an array",
    hint: (_e, value) =>
      Array.isArray(value) && value.length === 1
        ? "items is one schema for every item, not a list of them: write it without the leading -"
        : "Kubernetes has no tuples: items is one schema for every item (x-kubernetes-preserve-unknown-fields: true for items of any type), with minItems and maxItems for a length",
  },
  {
    matches: (e) => e.detail === "additionalProperties and properties are mutual exclusive",
    hint: (_e, value) =>
      value === false
        ? "remove additionalProperties: false: Kubernetes already drops (prunes) fields the properties do not name, unless x-kubernetes-preserve-unknown-fields is true"
        : "additionalProperties is for a map, whose keys are free and whose values share one schema; an object with properties has only those: keep one of the two",
  },
  {
    matches: (e) => e.field.endsWith(".$ref") && e.detail === "$ref is not supported",
    hint: () => "Kubernetes schemas cannot refer to others: write the schema out in full here",
  },
  {
    matches: (e) => e.field.endsWith(".definitions") && e.detail === "definitions is not supported",
    hint: () => "write each definition out in full where its $ref is, and remove definitions",
  },
];

/** A hint for an error of a hand-written CRD about a value, or undefined. */
export function valueHint(e: FieldError, crd: unknown): string | undefined {
  const value = valueAt(crd, crdErrorSegments(e));
  for (const h of HINTS) {
    const hint = h.matches(e) ? h.hint(e, value, crd) : undefined;
    if (hint !== undefined) return hint;
  }
  return undefined;
}
