import type { JSONSchemaProps } from "../../schema/types.js";
import { OBJECT_META_FIELDS } from "../object-meta.js";
import { additionalPropertiesSchema, itemsSchema, propertySchema } from "../cel/decl-type.js";

/**
 * Pruning of a custom resource on decode (Kubernetes' `pruning.PruneWithOptions` plus the
 * ObjectMeta decoding that drops unknown `metadata` fields): fields the structural schema does
 * not specify are removed, except under `x-kubernetes-preserve-unknown-fields`. Returns the
 * removed paths; the API server reports them as warnings (`unknown field "spec.x"`).
 */

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

class Pruner {
  readonly pruned: string[] = [];

  private drop(obj: Record<string, unknown>, k: string, path: string): void {
    delete obj[k];
    this.pruned.push(path);
  }

  /** TypeMeta and ObjectMeta of a resource root or embedded resource. */
  private resourceMeta(obj: Record<string, unknown>, k: string, path: string): boolean {
    const v = obj[k];
    if ((k === "apiVersion" || k === "kind") && typeof v === "string") return true;
    if (k === "metadata" && isObject(v)) {
      for (const field of Object.keys(v))
        if (!OBJECT_META_FIELDS.has(field)) this.drop(v, field, `${path}.${field}`);
      return true;
    }
    return false;
  }

  prune(x: unknown, s: JSONSchemaProps | undefined, path: string, resource: boolean, depth: number): void {
    if (depth > 200) return;
    const at = (k: string) => (path ? `${path}.${k}` : k);
    if (s?.["x-kubernetes-preserve-unknown-fields"]) {
      this.skip(x, s, path, resource, depth);
      return;
    }
    if (isObject(x)) {
      for (const k of Object.keys(x)) {
        if (!s) {
          this.drop(x, k, at(k));
          continue;
        }
        if ((resource || s["x-kubernetes-embedded-resource"]) && this.resourceMeta(x, k, at(k))) continue;
        const prop = propertySchema(s, k);
        const ap = additionalPropertiesSchema(s);
        if (prop) this.prune(x[k], prop, at(k), prop["x-kubernetes-embedded-resource"] === true, depth + 1);
        else if (ap) this.prune(x[k], ap, at(k), ap["x-kubernetes-embedded-resource"] === true, depth + 1);
        // additionalProperties: true/false keeps the key but nothing is known below it.
        else if (s.additionalProperties !== undefined) this.prune(x[k], undefined, at(k), false, depth + 1);
        else this.drop(x, k, at(k));
      }
    } else if (Array.isArray(x)) {
      const items = s ? itemsSchema(s) : undefined;
      x.forEach((v, i) =>
        this.prune(v, items, `${path}[${i}]`, items?.["x-kubernetes-embedded-resource"] === true, depth + 1),
      );
    }
  }

  /** Under preserve-unknown-fields only the specified parts are pruned. */
  private skip(x: unknown, s: JSONSchemaProps, path: string, resource: boolean, depth: number): void {
    const at = (k: string) => (path ? `${path}.${k}` : k);
    if (isObject(x)) {
      for (const k of Object.keys(x)) {
        if ((resource || s["x-kubernetes-embedded-resource"]) && this.resourceMeta(x, k, at(k))) continue;
        const prop = propertySchema(s, k);
        const ap = additionalPropertiesSchema(s);
        if (prop) this.prune(x[k], prop, at(k), prop["x-kubernetes-embedded-resource"] === true, depth + 1);
        else if (ap) this.prune(x[k], ap, at(k), ap["x-kubernetes-embedded-resource"] === true, depth + 1);
      }
    } else if (Array.isArray(x)) {
      const items = itemsSchema(s);
      if (items)
        x.forEach((v, i) =>
          this.skip(v, items, `${path}[${i}]`, items["x-kubernetes-embedded-resource"] === true, depth + 1),
        );
    }
  }
}

/** Prunes `obj` in place; returns the paths of the removed fields. */
export function pruneUnknownFields(obj: unknown, schema: JSONSchemaProps): string[] {
  const pruner = new Pruner();
  pruner.prune(obj, schema, "", true, 0);
  return pruner.pruned;
}
