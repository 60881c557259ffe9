/**
 * Constructors for Kubernetes field errors and field paths, so rule modules read like
 * the Go they mirror: `required(child(p, "group"))`.
 */
import type { FieldError } from "./field-error.js";
import { goQuote } from "./go-print.js";

/** `path.Child(name)`. */
export function child(path: string, ...names: string[]): string {
  let out = path;
  for (const n of names) out = out ? `${out}.${n}` : n;
  return out;
}

/** `path.Index(i)`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** `path.Key(k)`: map keys are printed unquoted inside brackets. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}

export function required(field: string, detail = ""): FieldError {
  return { type: "FieldValueRequired", field, detail };
}

export function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: "FieldValueInvalid", field, badValue, detail };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: "FieldValueForbidden", field, detail };
}

export function notSupported(field: string, badValue: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(", ")}` : "";
  return { type: "FieldValueNotSupported", field, badValue, detail };
}

export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: "FieldValueDuplicate", field, badValue, detail: "" };
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: "FieldValueTooMany", field, badValue: actual, detail: `must have at most ${max} items` };
}

export function tooLong(field: string, badValue: unknown, maxLength: number): FieldError {
  return { type: "FieldValueTooLong", field, badValue, detail: `may not be more than ${maxLength} bytes` };
}

export function internalError(field: string, detail: string): FieldError {
  return { type: "InternalError", field, detail };
}

/** Prefixes every error path (used when a sub-validator works relative to a node). */
export function withPrefix(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field ? child(prefix, e.field) : prefix }));
}
