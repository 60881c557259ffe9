/**
 * `cel.ValidFieldPath`: resolves a simple JSON path (`.a.b`, `.a['x.y']`) against a structural
 * schema. Used for `x-kubernetes-validations[].fieldPath` and for selectable fields.
 */
import { walkFieldPath } from "../field-path-syntax.js";
import { own } from "../json.js";
import type { Structural } from "./types.js";

export type FieldPathResult =
  | { ok: true; segments: string[]; schema: Structural | undefined; path: string }
  | { ok: false; error: string };

/** Kubernetes field.Path text of the resolved path (Child for properties, Key for map entries). */
export function validFieldPath(
  jsonPath: string,
  root: Structural,
  allowArrayNotation = true,
): FieldPathResult {
  let schema: Structural | undefined = root;
  let path = "";
  const segments: string[] = [];
  const step = (name: string): string | undefined => {
    if (!schema) return "does not refer to a valid field";
    if (schema.properties) {
      const next: Structural | undefined = own(schema.properties, name);
      if (!next) return "does not refer to a valid field";
      path = path ? `${path}.${name}` : name;
      schema = next;
    } else if (schema.generic.additionalProperties) {
      path = `${path}[${name}]`;
      schema = schema.generic.additionalProperties.structural;
    } else {
      return "does not refer to a valid field";
    }
    segments.push(name);
    return undefined;
  };
  const error = walkFieldPath(jsonPath, step, allowArrayNotation);
  if (error) return { ok: false, error };
  return { ok: true, segments, schema, path };
}
