/**
 * The checks on `x-kubernetes-validations` entries that need no CEL compiler (reference §11
 * X1–X7): rule present, message shape, reason value, fieldPath shape and resolvability.
 * Kubernetes counts them as schema errors of the node, so both the generic schema walk and
 * the CEL walk (where a failing one stops the node's rules from being compiled) use them.
 */
import type { JSONSchemaProps, ValidationRule } from "../schema/types.js";
import type { FieldError } from "./field-error.js";
import { child, index, invalid, notSupported, required } from "./errors.js";
import { newStructural } from "./structural/convert.js";
import { validFieldPath } from "./structural/field-path.js";

const SUPPORTED_REASONS = [
  "FieldValueDuplicate",
  "FieldValueForbidden",
  "FieldValueInvalid",
  "FieldValueRequired",
];
const NEWLINES = /[\n\r]+/;

export function ruleStaticErrors(schema: JSONSchemaProps, path: string): FieldError[] {
  const rules = schema["x-kubernetes-validations"] ?? [];
  const errs: FieldError[] = [];
  rules.forEach((rule, i) =>
    errs.push(...oneRule(schema, rule, index(child(path, "x-kubernetes-validations"), i))),
  );
  return errs;
}

function oneRule(schema: JSONSchemaProps, rule: ValidationRule, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const trimmedRule = (rule.rule ?? "").trim();
  const message = rule.message ?? "";
  const trimmedMsg = message.trim();
  const messageExpression = rule.messageExpression ?? "";
  if (!trimmedRule) errs.push(required(child(path, "rule"), "rule is not specified"));
  else if (message.length > 0 && trimmedMsg.length === 0)
    errs.push(invalid(child(path, "message"), message, "must be non-empty if specified"));
  else if (NEWLINES.test(trimmedMsg))
    errs.push(invalid(child(path, "message"), message, "must not contain line breaks"));
  else if (NEWLINES.test(trimmedRule) && trimmedMsg.length === 0) {
    errs.push(required(child(path, "message"), "message must be specified if rule contains line breaks"));
  }
  if (messageExpression.length > 0 && messageExpression.trim().length === 0) {
    errs.push(required(child(path, "messageExpression"), "messageExpression must be non-empty if specified"));
  }
  if (rule.reason !== undefined && rule.reason !== null && !SUPPORTED_REASONS.includes(rule.reason)) {
    errs.push(notSupported(child(path, "reason"), rule.reason, SUPPORTED_REASONS));
  }
  const fieldPath = rule.fieldPath ?? "";
  if (fieldPath.length > 0 && fieldPath.trim().length === 0) {
    errs.push(invalid(child(path, "fieldPath"), fieldPath, "must be non-empty if specified"));
  }
  if (NEWLINES.test(fieldPath))
    errs.push(invalid(child(path, "fieldPath"), fieldPath, "must not contain line breaks"));
  if (fieldPath.length > 0 && !fieldPathValid(schema, fieldPath)) {
    errs.push(invalid(child(path, "fieldPath"), fieldPath, "must be a valid path"));
  }
  return errs;
}

/** A fieldPath is checked only when the node converts to a structural schema. */
function fieldPathValid(schema: JSONSchemaProps, fieldPath: string): boolean {
  const ss = newStructural(schema);
  return !ss.ok || validFieldPath(fieldPath, ss.schema).ok;
}
