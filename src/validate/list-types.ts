/**
 * The `x-kubernetes-map-type` / `x-kubernetes-list-type` / `x-kubernetes-list-map-keys`
 * rules of the generic schema walk (reference §8 G16–G31).
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { FieldError } from "./field-error.js";
import { child, forbidden, invalid, key, notSupported, required } from "./errors.js";
import type { ValidationOptions } from "./options.js";
import { GoStruct } from "./go-print.js";
import { own } from "./json.js";
import { dumpSchema } from "./internal-dump.js";

/** `items` when it is a single schema (not an array of schemas). */
export function singleItems(s: JSONSchemaProps): JSONSchemaProps | undefined {
  return s.items !== undefined && !Array.isArray(s.items) ? s.items : undefined;
}

/** The internal `JSONSchemaPropsOrArray` value Kubernetes prints in the "single schema" error. */
function itemsValue(s: JSONSchemaProps): unknown {
  return Array.isArray(s.items)
    ? new GoStruct([
        ["Schema", null],
        ["JSONSchemas", s.items.map((x) => dumpSchema(x))],
      ])
    : s.items;
}

export function listTypeErrors(s: JSONSchemaProps, path: string, opts: ValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const type = s.type ?? "";
  const mapType = s["x-kubernetes-map-type"];
  const listType = s["x-kubernetes-list-type"];
  const mapKeys = s["x-kubernetes-list-map-keys"] ?? [];
  const items = singleItems(s);

  if (mapType !== undefined && type !== "object") {
    if (!type)
      errs.push(required(child(path, "type"), "must be object if x-kubernetes-map-type is specified"));
    else
      errs.push(invalid(child(path, "type"), type, "must be object if x-kubernetes-map-type is specified"));
  }
  if (mapType !== undefined && mapType !== "atomic" && mapType !== "granular") {
    errs.push(notSupported(child(path, "x-kubernetes-map-type"), mapType, ["atomic", "granular"]));
  }

  if (listType !== undefined && type !== "array") {
    if (!type)
      errs.push(required(child(path, "type"), "must be array if x-kubernetes-list-type is specified"));
    else
      errs.push(invalid(child(path, "type"), type, "must be array if x-kubernetes-list-type is specified"));
  } else if (opts.requireAtomicSetType && listType === "set" && items) {
    // Scalars are atomic; arrays default to atomic, objects default to granular.
    if (items.type === "array") {
      const itemListType = items["x-kubernetes-list-type"];
      if (itemListType !== undefined && itemListType !== "atomic") {
        errs.push(
          invalid(
            child(path, "items", "x-kubernetes-list-type"),
            itemListType,
            "must be atomic as item of a list with x-kubernetes-list-type=set",
          ),
        );
      }
    } else if (items.type === "object") {
      if (items["x-kubernetes-map-type"] !== "atomic") {
        // Kubernetes prints the item's list type here (a long-standing quirk), usually null.
        errs.push(
          invalid(
            child(path, "items", "x-kubernetes-map-type"),
            items["x-kubernetes-list-type"] ?? null,
            "must be atomic as item of a list with x-kubernetes-list-type=set",
          ),
        );
      }
    }
  }

  if (listType !== undefined && listType !== "atomic" && listType !== "set" && listType !== "map") {
    errs.push(notSupported(child(path, "x-kubernetes-list-type"), listType, ["atomic", "set", "map"]));
  }

  if (mapKeys.length > 0) {
    if (listType === undefined) {
      errs.push(
        required(
          child(path, "x-kubernetes-list-type"),
          "must be map if x-kubernetes-list-map-keys is non-empty",
        ),
      );
    } else if (listType !== "map") {
      errs.push(
        invalid(
          child(path, "x-kubernetes-list-type"),
          listType,
          "must be map if x-kubernetes-list-map-keys is non-empty",
        ),
      );
    }
  }

  if (listType === "map") {
    if (mapKeys.length === 0) {
      errs.push(
        required(
          child(path, "x-kubernetes-list-map-keys"),
          "must not be empty if x-kubernetes-list-type is map",
        ),
      );
    }
    if (s.items === undefined) {
      errs.push(required(child(path, "items"), "must have a schema if x-kubernetes-list-type is map"));
    }
    if (s.items !== undefined && !items) {
      errs.push(
        invalid(
          child(path, "items"),
          itemsValue(s),
          "must only have a single schema if x-kubernetes-list-type is map",
        ),
      );
    }
    if (items && items.type !== "object") {
      errs.push(
        invalid(
          child(path, "items", "type"),
          items.type ?? "",
          "must be object if parent array's x-kubernetes-list-type is map",
        ),
      );
    }
    if (items && items.type === "object") {
      const seen = new Set<string>();
      for (const k of mapKeys) {
        const prop = own(items.properties, k);
        if (prop) {
          if (prop.type === "array" || prop.type === "object") {
            errs.push(
              invalid(
                child(key(child(path, "items", "properties"), k), "type"),
                items.type,
                "must be a scalar type if parent array's x-kubernetes-list-type is map",
              ),
            );
          }
        } else {
          errs.push(
            invalid(
              child(path, "x-kubernetes-list-map-keys"),
              mapKeys,
              "entries must all be names of item properties",
            ),
          );
        }
        if (seen.has(k))
          errs.push(
            invalid(child(path, "x-kubernetes-list-map-keys"), mapKeys, "must not contain duplicate entries"),
          );
        seen.add(k);
      }
    }
  }

  if (opts.requireMapListKeysMapSetValidation) errs.push(...mapListKeysMapSet(s, path));
  return errs;
}

/** `validateMapListKeysMapSet`: map/set items not nullable; map keys required-or-defaulted and not nullable. */
export function mapListKeysMapSet(s: JSONSchemaProps, path: string): FieldError[] {
  const items = singleItems(s);
  const listType = s["x-kubernetes-list-type"];
  if (!items || (listType !== "set" && listType !== "map")) return [];
  const errs: FieldError[] = [];
  if (items.nullable)
    errs.push(
      forbidden(
        child(path, "items", "nullable"),
        `cannot be nullable when x-kubernetes-list-type is ${listType}`,
      ),
    );
  if (listType === "map") {
    const requiredKeys = new Set(items.required ?? []);
    for (const k of s["x-kubernetes-list-map-keys"] ?? []) {
      const prop = own(items.properties, k);
      if (!prop) continue;
      const propPath = key(child(path, "items", "properties"), k);
      if (!requiredKeys.has(k) && prop.default === undefined) {
        errs.push(
          required(
            child(propPath, "default"),
            "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
          ),
        );
      }
      if (prop.nullable) {
        errs.push(
          forbidden(
            child(propPath, "nullable"),
            "this property is in x-kubernetes-list-map-keys, so it cannot be nullable",
          ),
        );
      }
    }
  }
  return errs;
}

/** Whether `listTypeErrors` can report anything for `s`: only these keywords start its rules. */
export function hasListTypeKeywords(s: JSONSchemaProps): boolean {
  return (
    s["x-kubernetes-map-type"] !== undefined ||
    s["x-kubernetes-list-type"] !== undefined ||
    (s["x-kubernetes-list-map-keys"]?.length ?? 0) > 0
  );
}
