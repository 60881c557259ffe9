import { propertySchema } from "./decl-type.js";
import type { JSONSchemaProps } from "../../schema/types.js";
import type { ValidationOptions } from "../options.js";

/**
 * Whether Kubernetes' generic schema walk reports a schema error at this node itself (not its
 * children). CEL rules are only compiled where neither the node nor anything below it has one,
 * so `celErrorsForSchema` needs to know; the wording of those errors is the CRD validator's job.
 */
export interface NodeContext {
  allowDefaults: boolean;
  insideResourceMeta: boolean;
}

const OPENAPI_TYPES = new Set(["array", "boolean", "integer", "number", "object", "string"]);

function listMapErrors(s: JSONSchemaProps, options: ValidationOptions): boolean {
  const items = s.items && !Array.isArray(s.items) ? s.items : undefined;
  const listType = s["x-kubernetes-list-type"];
  const keys = s["x-kubernetes-list-map-keys"] ?? [];
  if (keys.length > 0 && listType !== "map") return true;
  if (listType === "map") {
    if (keys.length === 0 || !items || items.type !== "object") return true;
    if (new Set(keys).size !== keys.length) return true;
    for (const k of keys) {
      const prop = propertySchema(items, k);
      if (!prop || prop.type === "array" || prop.type === "object") return true;
      if (
        options.requireMapListKeysMapSetValidation &&
        ((!(items.required ?? []).includes(k) && prop.default === undefined) || prop.nullable)
      ) {
        return true;
      }
    }
  }
  if (
    options.requireMapListKeysMapSetValidation &&
    (listType === "set" || listType === "map") &&
    items?.nullable
  )
    return true;
  return false;
}

export function hasNodeSchemaErrors(
  s: JSONSchemaProps,
  ctx: NodeContext,
  options: ValidationOptions,
): boolean {
  if (options.requireValidPropertyType && s.type && !OPENAPI_TYPES.has(s.type)) return true;
  if (s.default !== undefined && !ctx.allowDefaults) return true;
  if (s.id || s.additionalItems !== undefined || s.$ref !== undefined || s.dependencies !== undefined)
    return true;
  if (Object.keys(s.patternProperties ?? {}).length > 0 || Object.keys(s.definitions ?? {}).length > 0)
    return true;
  if (s.type === "null" || Array.isArray(s.items)) return true;
  if (ctx.insideResourceMeta && s["x-kubernetes-embedded-resource"]) return true;
  if (s.uniqueItems) return true;
  const ap = s.additionalProperties;
  if (
    ap !== undefined &&
    Object.keys(s.properties ?? {}).length > 0 &&
    (ap === false || typeof ap === "object")
  )
    return true;
  if (s["x-kubernetes-preserve-unknown-fields"] === false) return true;
  const mapType = s["x-kubernetes-map-type"];
  if (mapType !== undefined && (s.type !== "object" || (mapType !== "atomic" && mapType !== "granular")))
    return true;
  const listType = s["x-kubernetes-list-type"];
  if (listType !== undefined) {
    if (s.type !== "array" || !["atomic", "set", "map"].includes(listType)) return true;
    const items = s.items && !Array.isArray(s.items) ? s.items : undefined;
    if (options.requireAtomicSetType && listType === "set" && items) {
      if (
        items.type === "array" &&
        items["x-kubernetes-list-type"] !== undefined &&
        items["x-kubernetes-list-type"] !== "atomic"
      )
        return true;
      if (items.type === "object" && items["x-kubernetes-map-type"] !== "atomic") return true;
    }
  }
  return listMapErrors(s, options);
}
