/** Additional printer columns (reference §6 A1–A4). */
import type { FieldError } from "./field-error.js";
import { child, invalid, required } from "./errors.js";
import { validateSimpleJSONPath } from "./json-path.js";
import type { InternalColumn } from "./model.js";

const TYPES = ["boolean", "date", "integer", "number", "string"];
const FORMATS = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

export function validateColumn(col: InternalColumn, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!col.name) errs.push(required(child(path, "name"), ""));
  const typeDetail = `must be one of ${TYPES.join(",")}`;
  if (!col.type) errs.push(required(child(path, "type"), typeDetail));
  else if (!TYPES.includes(col.type)) errs.push(invalid(child(path, "type"), col.type, typeDetail));
  if (col.format && !FORMATS.includes(col.format)) {
    errs.push(invalid(child(path, "format"), col.format, `must be one of ${FORMATS.join(",")}`));
  }
  // The internal Go field is JSONPath, and that is the name Kubernetes reports.
  const jsonPathField = child(path, "JSONPath");
  if (!col.jsonPath) errs.push(required(jsonPathField, ""));
  else errs.push(...validateSimpleJSONPath(col.jsonPath, jsonPathField));
  return errs;
}
