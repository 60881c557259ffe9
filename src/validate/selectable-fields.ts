/** Selectable fields (reference §7 F1–F6): simple paths to string/boolean/integer schema fields. */
import type { FieldError } from "./field-error.js";
import { child, duplicate, index, invalid, required, tooMany } from "./errors.js";
import type { InternalSelectableField } from "./model.js";
import { validFieldPath } from "./structural/field-path.js";
import type { Structural } from "./structural/types.js";

export const MAX_SELECTABLE_FIELDS = 8;

export function validateSelectableFields(
  fields: InternalSelectableField[],
  schema: Structural | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Set<string>();
  fields.forEach((f, i) => {
    const p = child(index(path, i), "jsonPath");
    if (!f.jsonPath) {
      errs.push(required(p, ""));
      return;
    }
    const resolved = schema
      ? validFieldPath(f.jsonPath, schema, false)
      : ({ ok: false, error: "does not refer to a valid field" } as const);
    if (!resolved.ok) {
      errs.push(invalid(p, f.jsonPath, `is an invalid path: ${resolved.error}`));
      return;
    }
    if (resolved.segments[0] === "metadata")
      errs.push(invalid(p, f.jsonPath, "must not point to fields in metadata"));
    const type = resolved.schema?.generic.type;
    if (type !== "string" && type !== "boolean" && type !== "integer") {
      errs.push(
        invalid(
          p,
          f.jsonPath,
          "must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.",
        ),
      );
    }
    if (unique.has(resolved.path)) errs.push(duplicate(p, f.jsonPath));
    else unique.add(resolved.path);
  });
  if (unique.size > MAX_SELECTABLE_FIELDS) errs.push(tooMany(path, unique.size, MAX_SELECTABLE_FIELDS));
  return errs;
}
