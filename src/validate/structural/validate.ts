/**
 * `ValidateStructural`: the invariants of a structural schema (§9 T1–T19 of the reference)
 * plus structural completeness. Errors come back sorted by message, as Kubernetes sorts them.
 */
import type { FieldError } from "../field-error.js";
import { child, forbidden, index, invalid, key, required } from "../errors.js";
import { PathStack } from "../path-stack.js";
import { formatFieldError } from "../format.js";
import { own } from "../json.js";
import { compileRe2 } from "../cel/re2.js";
import type { Extensions, NestedValueValidation, Structural, ValueValidation } from "./types.js";

type Level = "root" | "item" | "field";

export function validateStructural(path: string, s: Structural): FieldError[] {
  const errs: FieldError[] = [];
  new Invariants(path, errs).check(s, "root");
  errs.push(...completeness(s, path));
  return sortByMessage(errs);
}

export function sortByMessage(errs: FieldError[]): FieldError[] {
  const keyed = errs.map((e) => [formatFieldError(e), e] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, e]) => e);
}

const METADATA_TYPE_FIELDS = ["kind", "apiVersion"] as const;

/**
 * The invariants of every node, in one walk: errors go to one list in visiting order, and
 * paths are only spelled out for errors.
 */
class Invariants {
  private readonly path: PathStack;

  constructor(
    rootPath: string,
    private readonly errs: FieldError[],
  ) {
    this.path = new PathStack(rootPath);
  }

  check(s: Structural, lvl: Level): void {
    const errs = this.errs;
    const path = this.path;
    const type = s.generic.type;
    if (type === "array" && !s.items) errs.push(required(path.childText("items"), "must be specified"));
    if (s.items) {
      path.child("items");
      this.check(s.items, "item");
      path.pop();
    }
    const properties = s.properties;
    if (properties) {
      for (const k of Object.keys(properties)) {
        path.child("properties");
        path.key(k);
        this.check(properties[k]!, "field");
        path.pop(2);
      }
    }
    const ap = s.generic.additionalProperties;
    if (ap) {
      if (lvl === "root")
        errs.push(forbidden(path.childText("additionalProperties"), "must not be used at the root"));
      if (ap.structural) {
        path.child("additionalProperties");
        this.check(ap.structural, "field");
        path.pop();
      }
    }
    const x = s.extensions;
    this.extensions(x);
    const vv = s.valueValidation;
    if (vv) this.valueValidation(vv, isIntOrStringAnyOf(vv), isIntOrStringAllOf(vv), lvl);
    const checkMetadata = lvl === "root" || x.xEmbeddedResource;
    if (x.xEmbeddedResource && type !== "object") {
      if (!type)
        errs.push(
          required(path.childText("type"), "must be object if x-kubernetes-embedded-resource is true"),
        );
      else
        errs.push(
          invalid(path.childText("type"), type, "must be object if x-kubernetes-embedded-resource is true"),
        );
    } else if (!type && !x.xIntOrString && !x.xPreserveUnknownFields) {
      const detail =
        lvl === "root"
          ? "must not be empty at the root"
          : lvl === "item"
            ? "must not be empty for specified array items"
            : "must not be empty for specified object fields";
      errs.push(required(path.childText("type"), detail));
    }
    if (x.xEmbeddedResource && ap) {
      errs.push(
        forbidden(
          path.childText("additionalProperties"),
          "must not be used if x-kubernetes-embedded-resource is set",
        ),
      );
    }
    if (lvl === "root" && type && type !== "object")
      errs.push(invalid(path.childText("type"), type, "must be object at the root"));
    if (checkMetadata) {
      for (const meta of METADATA_TYPE_FIELDS) {
        const p = properties?.[meta];
        if (p && p.generic.type !== "string") {
          errs.push(
            invalid(child(key(path.childText("properties"), meta), "type"), p.generic.type, "must be string"),
          );
        }
      }
    }
    const metadata = properties?.["metadata"];
    if (metadata) this.metadata(metadata, checkMetadata, lvl);
    if (x.xEmbeddedResource && !x.xPreserveUnknownFields && !hasOwnKeys(properties)) {
      errs.push(
        required(
          path.childText("properties"),
          "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields",
        ),
      );
    }
  }

  private metadata(s: Structural, checkMetadata: boolean, lvl: Level): void {
    const wrongType = checkMetadata && s.generic.type !== "object";
    const notOnlyNames = lvl === "root" && !isOnlyNameAndGenerateName(s);
    if (!wrongType && !notOnlyNames) return;
    const path = key(this.path.childText("properties"), "metadata");
    if (wrongType) this.errs.push(invalid(child(path, "type"), s.generic.type, "must be object"));
    if (notOnlyNames) {
      this.errs.push(
        forbidden(
          path,
          "must not specify anything other than name and generateName, but metadata is implicitly specified",
        ),
      );
    }
  }

  private extensions(x: Extensions): void {
    if (!x.xIntOrString) return;
    if (x.xPreserveUnknownFields) {
      this.errs.push(
        invalid(
          this.path.childText("x-kubernetes-preserve-unknown-fields"),
          true,
          "must be false if x-kubernetes-int-or-string is true",
        ),
      );
    }
    if (x.xEmbeddedResource) {
      this.errs.push(
        invalid(
          this.path.childText("x-kubernetes-embedded-resource"),
          true,
          "must be false if x-kubernetes-int-or-string is true",
        ),
      );
    }
  }

  private valueValidation(
    v: ValueValidation,
    skipAnyOf: boolean,
    skipFirstAllOfAnyOf: boolean,
    lvl: Level,
  ): void {
    if (!skipAnyOf) this.nestedList(v.anyOf, "anyOf", -1, lvl);
    this.nestedList(v.allOf, "allOf", skipFirstAllOfAnyOf ? 0 : -1, lvl);
    this.nestedList(v.oneOf, "oneOf", -1, lvl);
    if (v.not) {
      this.path.child("not");
      this.nested(v.not, false, lvl);
      this.path.pop();
    }
    if (v.pattern) {
      const problem = goRegexpError(v.pattern);
      if (problem)
        this.errs.push(
          invalid(
            this.path.childText("pattern"),
            v.pattern,
            `must be a valid regular expression, but isn't: ${problem}`,
          ),
        );
    }
  }

  /** The clauses of `field`; the one at `skipAnyOfAt` is checked without its anyOf. */
  private nestedList(
    list: readonly NestedValueValidation[],
    field: string,
    skipAnyOfAt: number,
    lvl: Level,
  ): void {
    if (list.length === 0) return;
    // forEach, as before: holes in a clause list are skipped.
    list.forEach((n, i) => {
      this.path.child(field);
      this.path.index(i);
      this.nested(n, i === skipAnyOfAt, lvl);
      this.path.pop(2);
    });
  }

  private nested(v: NestedValueValidation, skipAnyOf: boolean, lvl: Level): void {
    const errs = this.errs;
    const path = this.path;
    this.valueValidation(v.valueValidation, skipAnyOf, false, lvl);
    if (v.items) {
      path.child("items");
      this.nested(v.items, false, lvl);
      path.pop();
    }
    const properties = v.properties;
    if (properties) {
      for (const k of Object.keys(properties)) {
        path.child("properties");
        path.key(k);
        this.nested(properties[k]!, false, "field");
        path.pop(2);
      }
    }
    const g = v.forbiddenGenerics;
    const x = v.forbiddenExtensions;
    if (g.type) errs.push(forbidden(path.childText("type"), "must be empty to be structural"));
    if (v.additionalProperties)
      errs.push(forbidden(path.childText("additionalProperties"), "must be undefined to be structural"));
    if (g.default !== undefined)
      errs.push(forbidden(path.childText("default"), "must be undefined to be structural"));
    if (g.title) errs.push(forbidden(path.childText("title"), "must be empty to be structural"));
    if (g.description) errs.push(forbidden(path.childText("description"), "must be empty to be structural"));
    if (g.nullable) errs.push(forbidden(path.childText("nullable"), "must be false to be structural"));
    if (x.xPreserveUnknownFields)
      errs.push(
        forbidden(path.childText("x-kubernetes-preserve-unknown-fields"), "must be false to be structural"),
      );
    if (x.xEmbeddedResource)
      errs.push(
        forbidden(path.childText("x-kubernetes-embedded-resource"), "must be false to be structural"),
      );
    if (x.xIntOrString)
      errs.push(forbidden(path.childText("x-kubernetes-int-or-string"), "must be false to be structural"));
    if (x.xListMapKeys.length > 0)
      errs.push(forbidden(path.childText("x-kubernetes-list-map-keys"), "must be empty to be structural"));
    if (x.xListType !== undefined)
      errs.push(forbidden(path.childText("x-kubernetes-list-type"), "must be undefined to be structural"));
    if (x.xMapType !== undefined)
      errs.push(forbidden(path.childText("x-kubernetes-map-type"), "must be undefined to be structural"));
    if (v.xValidations.length > 0)
      errs.push(forbidden(path.childText("x-kubernetes-validations"), "must be empty to be structural"));
    if (properties && Object.hasOwn(properties, "metadata")) {
      errs.push(
        forbidden(key(path.childText("properties"), "metadata"), "must not be specified in a nested context"),
      );
    }
  }
}

/** `Object.keys(map).length > 0`, without making the array. */
function hasOwnKeys(map: object | undefined): boolean {
  if (map) for (const k in map) if (Object.hasOwn(map, k)) return true;
  return false;
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

/** Go `regexp.Compile`'s error for `pattern`, or undefined if it compiles (RE2 syntax). */
export function goRegexpError(pattern: string): string | undefined {
  // Compiled through the shared cache: corpora repeat the same patterns many times.
  const compiled = compileRe2(pattern);
  if (!(compiled instanceof Error)) return undefined;
  // Go always appends the offending expression, even when it is empty.
  return compiled.message.includes(": `") ? compiled.message : `${compiled.message}: \`\``;
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
