/**
 * The `objectmeta` package: TypeMeta/ObjectMeta inside values (defaults) where the schema marks
 * an embedded resource (or the resource root). `coerceMeta` type-checks and normalises metadata
 * in place; `validateEmbeddedMeta` applies ObjectMeta validation.
 */
import type { FieldError } from "./field-error.js";
import { child, index, invalid, key, required } from "./errors.js";
import { isDNS1035Label, validatePathSegmentName } from "./dns.js";
import { isPlainObject, own } from "./json.js";
import { objectMetaToJson, unmarshalObjectMeta, validateObjectMeta } from "./object-meta.js";
import { asResourceRoot } from "./structural/resource-root.js";
import type { Structural } from "./structural/types.js";

/** `objectmeta.Coerce` (dropInvalidFields=false): the first problem, or undefined. Mutates `obj`. */
export function coerceMeta(
  path: string,
  obj: unknown,
  s: Structural | undefined,
  isResourceRoot: boolean,
): FieldError | undefined {
  return coerce(path, obj, isResourceRoot ? asResourceRoot(s) : s, 0);
}

function coerce(path: string, x: unknown, s: Structural | undefined, depth: number): FieldError | undefined {
  if (!s || depth > 200) return undefined;
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      const v = x[k];
      if (s.extensions.xEmbeddedResource) {
        if ((k === "apiVersion" || k === "kind") && typeof v !== "string")
          return invalid(child(path, k), v, "must be a string");
        if (k === "metadata") {
          const { meta, error } = unmarshalObjectMeta(v);
          if (error) return invalid(child(path, "metadata"), v, error);
          x["metadata"] = objectMetaToJson(meta);
        }
      }
      const prop = own(s.properties, k);
      const err = prop
        ? coerce(child(path, k), x[k], prop, depth + 1)
        : s.generic.additionalProperties
          ? coerce(key(path, k), x[k], s.generic.additionalProperties.structural, depth + 1)
          : undefined;
      if (err) return err;
    }
  } else if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const err = coerce(index(path, i), x[i], s.items, depth + 1);
      if (err) return err;
    }
  }
  return undefined;
}

/** `objectmeta.Validate`: apiVersion/kind/metadata of every embedded resource in `obj`. */
export function validateEmbeddedMeta(
  path: string,
  obj: unknown,
  s: Structural | undefined,
  isResourceRoot: boolean,
): FieldError[] {
  return validate(path, obj, isResourceRoot ? asResourceRoot(s) : s, 0);
}

function validate(path: string, x: unknown, s: Structural | undefined, depth: number): FieldError[] {
  if (!s || depth > 200) return [];
  const errs: FieldError[] = [];
  if (isPlainObject(x)) {
    if (s.extensions.xEmbeddedResource) errs.push(...validateEmbeddedResource(path, x));
    for (const [k, v] of Object.entries(x)) {
      const prop = own(s.properties, k);
      if (prop) errs.push(...validate(child(path, k), v, prop, depth + 1));
      else if (s.generic.additionalProperties)
        errs.push(...validate(key(path, k), v, s.generic.additionalProperties.structural, depth + 1));
    }
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => errs.push(...validate(index(path, i), v, s.items, depth + 1)));
  }
  return errs;
}

function validateEmbeddedResource(path: string, x: Record<string, unknown>): FieldError[] {
  const errs: FieldError[] = [];
  if (!Object.hasOwn(x, "apiVersion")) errs.push(required(child(path, "apiVersion"), ""));
  if (!Object.hasOwn(x, "kind")) errs.push(required(child(path, "kind"), ""));
  for (const [k, v] of Object.entries(x)) {
    if (k === "apiVersion") {
      if (typeof v !== "string") errs.push(invalid(child(path, k), v, "must be a string"));
      else if (!v) errs.push(required(child(path, k), ""));
      else if ((v.match(/\//g) ?? []).length > 1)
        errs.push(invalid(child(path, k), v, `unexpected GroupVersion string: ${v}`));
    } else if (k === "kind") {
      if (typeof v !== "string") errs.push(invalid(child(path, k), v, "must be a string"));
      else if (!v) errs.push(required(child(path, k), ""));
      else {
        const problems = isDNS1035Label(v.toLowerCase());
        if (problems.length > 0)
          errs.push(
            invalid(
              child(path, k),
              v,
              `may have mixed case, but should otherwise match: ${problems.join(",")}`,
            ),
          );
      }
    } else if (k === "metadata") {
      const { meta, error } = unmarshalObjectMeta(v);
      if (error) errs.push(invalid(child(path, "metadata"), v, error));
      else {
        if (!meta.name) meta.name = "fakename"; // Kubernetes sets one to avoid a "name required" error.
        errs.push(
          ...validateObjectMeta(
            meta,
            meta.namespace.length > 0,
            validatePathSegmentName,
            child(path, "metadata"),
          ),
        );
      }
    }
  }
  return errs;
}
