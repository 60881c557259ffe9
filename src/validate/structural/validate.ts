/**
 * `ValidateStructural`: the invariants of a structural schema (§9 T1–T19 of the reference)
 * plus structural completeness. Errors come back sorted by message, as Kubernetes sorts them.
 */
import type { FieldError } from "../field-error.js";
import { child, forbidden, index, invalid, key, required } from "../errors.js";
import { formatFieldError } from "../format.js";
import { own } from "../json.js";
import { compileRe2 } from "../cel/re2.js";
import type { Extensions, NestedValueValidation, Structural, ValueValidation } from "./types.js";

type Level = "root" | "item" | "field";

export function validateStructural(path: string, s: Structural): FieldError[] {
  const errs = [...invariants(s, "root", path), ...completeness(s, path)];
  return sortByMessage(errs);
}

export function sortByMessage(errs: FieldError[]): FieldError[] {
  const keyed = errs.map((e) => [formatFieldError(e), e] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, e]) => e);
}

function invariants(s: Structural, lvl: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = s.generic.type;
  if (type === "array" && !s.items) errs.push(required(child(path, "items"), "must be specified"));
  if (s.items) errs.push(...invariants(s.items, "item", child(path, "items")));
  for (const [k, v] of Object.entries(s.properties ?? {}))
    errs.push(...invariants(v, "field", key(child(path, "properties"), k)));
  const ap = s.generic.additionalProperties;
  if (ap) {
    if (lvl === "root")
      errs.push(forbidden(child(path, "additionalProperties"), "must not be used at the root"));
    if (ap.structural) errs.push(...invariants(ap.structural, "field", child(path, "additionalProperties")));
  }
  errs.push(...validateExtensions(s.extensions, path));
  if (s.valueValidation) {
    errs.push(
      ...valueValidation(
        s.valueValidation,
        isIntOrStringAnyOf(s.valueValidation),
        isIntOrStringAllOf(s.valueValidation),
        lvl,
        path,
      ),
    );
  }
  const x = s.extensions;
  const checkMetadata = lvl === "root" || x.xEmbeddedResource;
  if (x.xEmbeddedResource && type !== "object") {
    if (!type)
      errs.push(required(child(path, "type"), "must be object if x-kubernetes-embedded-resource is true"));
    else
      errs.push(
        invalid(child(path, "type"), type, "must be object if x-kubernetes-embedded-resource is true"),
      );
  } else if (!type && !x.xIntOrString && !x.xPreserveUnknownFields) {
    const detail =
      lvl === "root"
        ? "must not be empty at the root"
        : lvl === "item"
          ? "must not be empty for specified array items"
          : "must not be empty for specified object fields";
    errs.push(required(child(path, "type"), detail));
  }
  if (x.xEmbeddedResource && ap) {
    errs.push(
      forbidden(
        child(path, "additionalProperties"),
        "must not be used if x-kubernetes-embedded-resource is set",
      ),
    );
  }
  if (lvl === "root" && type && type !== "object")
    errs.push(invalid(child(path, "type"), type, "must be object at the root"));
  const props = s.properties ?? {};
  if (checkMetadata) {
    for (const meta of ["kind", "apiVersion"]) {
      const p = props[meta];
      if (p && p.generic.type !== "string") {
        errs.push(
          invalid(child(key(child(path, "properties"), meta), "type"), p.generic.type, "must be string"),
        );
      }
    }
  }
  const metadata = props["metadata"];
  if (metadata)
    errs.push(
      ...metadataInvariants(metadata, checkMetadata, lvl, key(child(path, "properties"), "metadata")),
    );
  if (x.xEmbeddedResource && !x.xPreserveUnknownFields && Object.keys(props).length === 0) {
    errs.push(
      required(
        child(path, "properties"),
        "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields",
      ),
    );
  }
  return errs;
}

function metadataInvariants(s: Structural, checkMetadata: boolean, lvl: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (checkMetadata && s.generic.type !== "object")
    errs.push(invalid(child(path, "type"), s.generic.type, "must be object"));
  if (lvl === "root" && !isOnlyNameAndGenerateName(s)) {
    errs.push(
      forbidden(
        path,
        "must not specify anything other than name and generateName, but metadata is implicitly specified",
      ),
    );
  }
  return errs;
}

/** Root metadata may only have a type and properties `name`/`generateName` (defaults are rejected elsewhere). */
function isOnlyNameAndGenerateName(s: Structural): boolean {
  const propKeys = Object.keys(s.properties ?? {});
  const propsOk = propKeys.every((k) => k === "name" || k === "generateName");
  const g = s.generic;
  const genericOk = !g.title && !g.description && !g.nullable && g.additionalProperties === undefined;
  return (
    propsOk &&
    genericOk &&
    noExtensions(s.extensions) &&
    !s.items &&
    isEmptyValueValidation(s.valueValidation)
  );
}

/** No `x-kubernetes-*` extension is set. */
function noExtensions(x: Extensions): boolean {
  return (
    !x.xPreserveUnknownFields &&
    !x.xEmbeddedResource &&
    !x.xIntOrString &&
    x.xListMapKeys.length === 0 &&
    x.xListType === undefined &&
    x.xMapType === undefined &&
    x.xValidations.length === 0
  );
}

function isEmptyValueValidation(v: ValueValidation | undefined): boolean {
  if (!v) return true;
  return (
    !v.format &&
    v.maximum === undefined &&
    !v.exclusiveMaximum &&
    v.minimum === undefined &&
    !v.exclusiveMinimum &&
    v.maxLength === undefined &&
    v.minLength === undefined &&
    !v.pattern &&
    v.maxItems === undefined &&
    v.minItems === undefined &&
    !v.uniqueItems &&
    v.multipleOf === undefined &&
    v.enum.length === 0 &&
    v.maxProperties === undefined &&
    v.minProperties === undefined &&
    v.required.length === 0 &&
    v.allOf.length === 0 &&
    v.anyOf.length === 0 &&
    v.oneOf.length === 0 &&
    v.not === undefined
  );
}

/** A nested clause that is exactly `{type: t}` (the int-or-string pattern's branches). */
function isBareType(n: NestedValueValidation, t: string): boolean {
  const g = n.forbiddenGenerics;
  return (
    g.type === t &&
    !g.title &&
    !g.description &&
    !g.nullable &&
    g.default === undefined &&
    g.additionalProperties === undefined &&
    noExtensions(n.forbiddenExtensions) &&
    n.xValidations.length === 0 &&
    !n.items &&
    n.properties === undefined &&
    n.additionalProperties === undefined &&
    isEmptyValueValidation(n.valueValidation)
  );
}

function isIntOrStringPair(anyOf: readonly NestedValueValidation[]): boolean {
  return anyOf.length === 2 && isBareType(anyOf[0]!, "integer") && isBareType(anyOf[1]!, "string");
}

function isIntOrStringAnyOf(v: ValueValidation): boolean {
  return isIntOrStringPair(v.anyOf);
}

function isIntOrStringAllOf(v: ValueValidation): boolean {
  const first = v.allOf[0];
  return first !== undefined && isIntOrStringPair(first.valueValidation.anyOf);
}

function validateExtensions(x: Extensions, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (x.xIntOrString && x.xPreserveUnknownFields) {
    errs.push(
      invalid(
        child(path, "x-kubernetes-preserve-unknown-fields"),
        true,
        "must be false if x-kubernetes-int-or-string is true",
      ),
    );
  }
  if (x.xIntOrString && x.xEmbeddedResource) {
    errs.push(
      invalid(
        child(path, "x-kubernetes-embedded-resource"),
        true,
        "must be false if x-kubernetes-int-or-string is true",
      ),
    );
  }
  return errs;
}

function valueValidation(
  v: ValueValidation,
  skipAnyOf: boolean,
  skipFirstAllOfAnyOf: boolean,
  lvl: Level,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!skipAnyOf)
    v.anyOf.forEach((n, i) => errs.push(...nested(n, false, lvl, index(child(path, "anyOf"), i))));
  v.allOf.forEach((n, i) =>
    errs.push(...nested(n, skipFirstAllOfAnyOf && i === 0, lvl, index(child(path, "allOf"), i))),
  );
  v.oneOf.forEach((n, i) => errs.push(...nested(n, false, lvl, index(child(path, "oneOf"), i))));
  if (v.not) errs.push(...nested(v.not, false, lvl, child(path, "not")));
  if (v.pattern) {
    const problem = goRegexpError(v.pattern);
    if (problem)
      errs.push(
        invalid(
          child(path, "pattern"),
          v.pattern,
          `must be a valid regular expression, but isn't: ${problem}`,
        ),
      );
  }
  return errs;
}

/** Go `regexp.Compile`'s error for `pattern`, or undefined if it compiles (RE2 syntax). */
export function goRegexpError(pattern: string): string | undefined {
  // Compiled through the shared cache: corpora repeat the same patterns many times.
  const compiled = compileRe2(pattern);
  if (!(compiled instanceof Error)) return undefined;
  // Go always appends the offending expression, even when it is empty.
  return compiled.message.includes(": `") ? compiled.message : `${compiled.message}: \`\``;
}

function nested(v: NestedValueValidation, skipAnyOf: boolean, lvl: Level, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...valueValidation(v.valueValidation, skipAnyOf, false, lvl, path));
  if (v.items) errs.push(...nested(v.items, false, lvl, child(path, "items")));
  for (const [k, p] of Object.entries(v.properties ?? {}))
    errs.push(...nested(p, false, "field", key(child(path, "properties"), k)));
  const g = v.forbiddenGenerics;
  const x = v.forbiddenExtensions;
  if (g.type) errs.push(forbidden(child(path, "type"), "must be empty to be structural"));
  if (v.additionalProperties)
    errs.push(forbidden(child(path, "additionalProperties"), "must be undefined to be structural"));
  if (g.default !== undefined)
    errs.push(forbidden(child(path, "default"), "must be undefined to be structural"));
  if (g.title) errs.push(forbidden(child(path, "title"), "must be empty to be structural"));
  if (g.description) errs.push(forbidden(child(path, "description"), "must be empty to be structural"));
  if (g.nullable) errs.push(forbidden(child(path, "nullable"), "must be false to be structural"));
  if (x.xPreserveUnknownFields)
    errs.push(
      forbidden(child(path, "x-kubernetes-preserve-unknown-fields"), "must be false to be structural"),
    );
  if (x.xEmbeddedResource)
    errs.push(forbidden(child(path, "x-kubernetes-embedded-resource"), "must be false to be structural"));
  if (x.xIntOrString)
    errs.push(forbidden(child(path, "x-kubernetes-int-or-string"), "must be false to be structural"));
  if (x.xListMapKeys.length > 0)
    errs.push(forbidden(child(path, "x-kubernetes-list-map-keys"), "must be empty to be structural"));
  if (x.xListType !== undefined)
    errs.push(forbidden(child(path, "x-kubernetes-list-type"), "must be undefined to be structural"));
  if (x.xMapType !== undefined)
    errs.push(forbidden(child(path, "x-kubernetes-map-type"), "must be undefined to be structural"));
  if (v.xValidations.length > 0)
    errs.push(forbidden(child(path, "x-kubernetes-validations"), "must be empty to be structural"));
  if (v.properties && Object.hasOwn(v.properties, "metadata")) {
    errs.push(
      forbidden(key(child(path, "properties"), "metadata"), "must not be specified in a nested context"),
    );
  }
  return errs;
}

/** Every property/items named in the root's value validations must exist in the structural part. */
function completeness(s: Structural, path: string): FieldError[] {
  return s.valueValidation ? vvCompleteness(s.valueValidation, s, path, path) : [];
}

function vvCompleteness(
  v: ValueValidation,
  s: Structural | undefined,
  sPath: string,
  vPath: string,
): FieldError[] {
  if (!s) return [required(sPath, `because it is defined in ${vPath}`)];
  const errs: FieldError[] = [];
  if (v.not) errs.push(...nestedCompleteness(v.not, s, sPath, child(vPath, "not")));
  v.allOf.forEach((n, i) => errs.push(...nestedCompleteness(n, s, sPath, index(child(vPath, "allOf"), i))));
  v.anyOf.forEach((n, i) => errs.push(...nestedCompleteness(n, s, sPath, index(child(vPath, "anyOf"), i))));
  v.oneOf.forEach((n, i) => errs.push(...nestedCompleteness(n, s, sPath, index(child(vPath, "oneOf"), i))));
  return errs;
}

function nestedCompleteness(
  v: NestedValueValidation,
  s: Structural | undefined,
  sPath: string,
  vPath: string,
): FieldError[] {
  if (!s) return [required(sPath, `because it is defined in ${vPath}`)];
  const errs = vvCompleteness(v.valueValidation, s, sPath, vPath);
  if (v.items)
    errs.push(...nestedCompleteness(v.items, s.items, child(sPath, "items"), child(vPath, "items")));
  for (const [k, p] of Object.entries(v.properties ?? {})) {
    const sp = own(s.properties, k);
    if (!sp) {
      errs.push(
        required(
          key(child(sPath, "properties"), k),
          `because it is defined in ${key(child(vPath, "properties"), k)}`,
        ),
      );
    } else {
      errs.push(
        ...nestedCompleteness(p, sp, key(child(sPath, "properties"), k), key(child(vPath, "properties"), k)),
      );
    }
  }
  return errs;
}
