import type { JSONSchemaProps, ValidationRule } from "../../schema/types.js";
import { child, index, invalid, notSupported, required } from "../errors.js";
import type { FieldError } from "../field-error.js";
import { validFieldPath } from "./field-path.js";

/**
 * The checks on a rule that need no compiler (reference §11 X1–X7). Kubernetes counts them as
 * schema errors of the node, so a failing one also stops the node's rules from being compiled.
 */

export const SUPPORTED_REASONS = [
  "FieldValueDuplicate",
  "FieldValueForbidden",
  "FieldValueInvalid",
  "FieldValueRequired",
];
const NEWLINES = /[\n\r]+/;

/** Kubernetes checks fieldPath only on schemas that convert to a structural schema. */
function convertsToStructural(s: JSONSchemaProps): boolean {
  if (s.id || s.$schema || s.$ref !== undefined || s.additionalItems !== undefined || Array.isArray(s.items))
    return false;
  if (s.patternProperties !== undefined || s.dependencies !== undefined || s.definitions !== undefined)
    return false;
  const children: JSONSchemaProps[] = [
    ...Object.values(s.properties ?? {}),
    ...(s.allOf ?? []),
    ...(s.anyOf ?? []),
    ...(s.oneOf ?? []),
  ];
  if (s.not) children.push(s.not);
  if (s.items && !Array.isArray(s.items)) children.push(s.items);
  if (typeof s.additionalProperties === "object") children.push(s.additionalProperties);
  return children.every(convertsToStructural);
}

function ruleErrors(schema: JSONSchemaProps, rule: ValidationRule, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const trimmedRule = (rule.rule ?? "").trim();
  const message = rule.message ?? "";
  const trimmedMessage = message.trim();
  if (!trimmedRule) errs.push(required(child(path, "rule"), "rule is not specified"));
  else if (message.length > 0 && trimmedMessage.length === 0) {
    errs.push(invalid(child(path, "message"), message, "must be non-empty if specified"));
  } else if (NEWLINES.test(trimmedMessage)) {
    errs.push(invalid(child(path, "message"), message, "must not contain line breaks"));
  } else if (NEWLINES.test(trimmedRule) && trimmedMessage.length === 0) {
    errs.push(required(child(path, "message"), "message must be specified if rule contains line breaks"));
  }
  const messageExpression = rule.messageExpression ?? "";
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
  if (fieldPath.length > 0 && convertsToStructural(schema) && !validFieldPath(fieldPath, schema).ok) {
    errs.push(invalid(child(path, "fieldPath"), fieldPath, "must be a valid path"));
  }
  return errs;
}

/** Static errors of every rule on the node at `path`. */
export function staticRuleErrors(schema: JSONSchemaProps, path: string): FieldError[] {
  const rules = schema["x-kubernetes-validations"] ?? [];
  return rules.flatMap((rule, i) =>
    ruleErrors(schema, rule, index(child(path, "x-kubernetes-validations"), i)),
  );
}
