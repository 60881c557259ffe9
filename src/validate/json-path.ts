/** `validateSimpleJSONPath`: printer-column and scale paths are only checked for a leading dot. */
import type { FieldError } from "./field-error.js";
import { invalid } from "./errors.js";

export function validateSimpleJSONPath(s: string, path: string): FieldError[] {
  if (s.length === 0) return [invalid(path, s, "must not be empty")];
  if (s[0] !== ".") return [invalid(path, s, "must be a simple json path starting with .")];
  return [];
}
