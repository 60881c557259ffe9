import type { JSONSchemaProps } from "../../schema/types.js";
import { walkFieldPath } from "../field-path-syntax.js";
import { additionalPropertiesSchema } from "./decl-type.js";

/**
 * A rule's `fieldPath` (".spec.replicas", ".labels['app.kubernetes.io/name']") must lead through
 * the schema's properties and map values, as Kubernetes' `ValidFieldPath` checks: `.name` or
 * `['quoted name']` steps, no list indices (grammar in ../field-path-syntax.ts). Resolves
 * against the raw schema (CEL checks run before the structural conversion); returns the steps
 * taken, each a property or a map key, or an error message.
 */
export type FieldPathResult = { ok: true; segments: FieldPathSegment[] } | { ok: false; error: string };

export interface FieldPathSegment {
  name: string;
  /** True for a property, false for a map key. */
  named: boolean;
}

export function validFieldPath(path: string, schema: JSONSchemaProps): FieldPathResult {
  const segments: FieldPathSegment[] = [];
  let node: JSONSchemaProps | undefined = schema;
  const step = (name: string): string | undefined => {
    if (!node) return "does not refer to a valid field";
    const ap = additionalPropertiesSchema(node);
    if (node.properties !== undefined) {
      const next = Object.hasOwn(node.properties, name) ? node.properties[name] : undefined;
      if (!next) return "does not refer to a valid field";
      segments.push({ name, named: true });
      node = next;
    } else if (ap) {
      segments.push({ name, named: false });
      node = ap;
    } else {
      return "does not refer to a valid field";
    }
    return undefined;
  };
  const error = walkFieldPath(path, step);
  if (error) return { ok: false, error };
  return { ok: true, segments };
}
