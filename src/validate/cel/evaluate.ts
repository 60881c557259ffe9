import type { Environment } from "@marcbachmann/cel-js";
import { Optional } from "@marcbachmann/cel-js";
import type { JSONSchemaProps, ValidationRule } from "../../schema/types.js";
import { child, duplicate, forbidden, invalid, key as keyPath, required } from "../errors.js";
import type { FieldError } from "../field-error.js";
import { compileExpression, typedEnvironment } from "./compile.js";
import { additionalPropertiesSchema, itemsSchema, schemaDeclType, propertySchema } from "./decl-type.js";
import { baseEnvironment, rewriteForEngine, useRe2Matches, type ASTNode } from "./engine.js";
import { validFieldPath } from "./field-path.js";
import { toCelValue } from "./values.js";
import { versionKey, type CelVersion } from "./version.js";

/**
 * Running `x-kubernetes-validations` rules on data (a custom resource on create, or a default),
 * as Kubernetes' CEL validator does: every node with rules is evaluated with `self` bound to
 * its value, failures become field errors at the node (or its `fieldPath`) with the rule's
 * reason and message. Transition rules need the old object and do not run on create, except
 * those with `optionalOldSelf`, which run with `oldSelf` absent.
 *
 * Rules are type-checked against the schema (and skipped if they do not compile: the CRD
 * itself is then invalid), and run in a dynamically typed environment on converted values.
 */

interface Program {
  run(context: Record<string, unknown>): unknown;
}

const evaluationEnvironments = new Map<string, Environment>();

function evaluationEnvironment(version: CelVersion): Environment {
  const k = versionKey(version);
  let env = evaluationEnvironments.get(k);
  if (!env) {
    env = baseEnvironment(version).clone();
    env.registerVariable("self", "dyn");
    env.registerVariable("oldSelf", "dyn");
    evaluationEnvironments.set(k, env);
  }
  return env;
}

const programs = new Map<string, Program | Error>();

function program(version: CelVersion, source: string): Program | Error {
  const cacheKey = `${versionKey(version)}\u0000${source}`;
  let p = programs.get(cacheKey);
  if (!p) {
    try {
      const env = evaluationEnvironment(version);
      const parsed = env.parse(rewriteForEngine(source, (text) => env.parse(text).ast as ASTNode));
      useRe2Matches(parsed.ast as ASTNode);
      p = { run: (context) => parsed(context) };
    } catch (error) {
      p = error instanceof Error ? error : new Error(String(error));
    }
    if (programs.size > 5000) programs.clear();
    programs.set(cacheKey, p);
  }
  return p;
}

interface RuleInfo {
  compiles: boolean;
  usesOldSelf: boolean;
}

const ruleInfo = new WeakMap<ValidationRule, Map<string, RuleInfo>>();

/** Whether the rule compiles against its node and whether it reads oldSelf (cached). */
function inspectRule(
  rule: ValidationRule,
  schema: JSONSchemaProps,
  isResourceRoot: boolean,
  version: CelVersion,
): RuleInfo {
  const k = `${versionKey(version)}/${isResourceRoot}`;
  let byKey = ruleInfo.get(rule);
  const cached = byKey?.get(k);
  if (cached) return cached;
  let info: RuleInfo = { compiles: false, usesOldSelf: false };
  const declType = schemaDeclType(schema, isResourceRoot);
  if (declType && typeof rule.rule === "string" && rule.rule.trim()) {
    const compiled = compileExpression(
      typedEnvironment(version, declType, rule.optionalOldSelf === true),
      rule.rule,
      "bool",
    );
    if (compiled.kind === "ok") info = { compiles: true, usesOldSelf: compiled.usesOldSelf };
  }
  if (!byKey) ruleInfo.set(rule, (byKey = new Map()));
  byKey.set(k, info);
  return info;
}

/** cel-go's wording for the runtime errors users see most. */
function runtimeMessage(error: unknown): string {
  const text =
    (error instanceof Error
      ? ((error as { summary?: string }).summary ?? error.message)
      : String(error)
    ).split("\n")[0] ?? "";
  const noKey = /^No such key: (.*)$/.exec(text);
  if (noKey) return `no such key: ${noKey[1] ?? ""}`;
  if (/duration/i.test(text) && /invalid|parse|format/i.test(text))
    return "type conversion error from 'string' to 'google.protobuf.Duration'";
  if (/timestamp/i.test(text) && /invalid|parse|format|requires/i.test(text)) {
    return "type conversion error from 'string' to 'google.protobuf.Timestamp'";
  }
  return text;
}

/** Kubernetes' `ruleErrorString`: the rule's message, else its text (used after "evaluating rule:"). */
function ruleErrorString(rule: ValidationRule): string {
  if (rule.message) return rule.message.trim();
  return (rule.rule ?? "").trim();
}

/** Kubernetes' `ruleMessageOrDefault`: what a rule that evaluated to false reports. */
function ruleMessageOrDefault(rule: ValidationRule): string {
  if (!rule.message) return `failed rule: ${ruleErrorString(rule)}`;
  return rule.message.trim();
}

/** `MaxEvaluatedMessageExpressionSizeBytes`. */
const MAX_MESSAGE_EXPRESSION_BYTES = 5 * 1024;

/** Values a failed rule prints (1.35+); objects and lists are left out to keep messages short. */
function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * The error of a rule that evaluated to false. Since Kubernetes 1.35 an Invalid one shows the
 * node's value when it is a scalar (`Invalid value: "nope": ...`) and no value otherwise
 * (`Invalid value: <message>`), whether the message is static or from `messageExpression`.
 */
function failure(path: string, detail: string, rule: ValidationRule, value: unknown): FieldError {
  switch (rule.reason) {
    case "FieldValueForbidden":
      return forbidden(path, detail);
    case "FieldValueRequired":
      return required(path, detail);
    case "FieldValueDuplicate":
      return duplicate(path, value);
    default:
      return isScalar(value)
        ? invalid(path, value, detail)
        : { type: "FieldValueInvalid", field: path, detail };
  }
}

function rulePath(path: string, rule: ValidationRule, schema: JSONSchemaProps): string {
  if (!rule.fieldPath) return path;
  const resolved = validFieldPath(rule.fieldPath, schema);
  if (!resolved.ok) return path;
  let out = path;
  for (const s of resolved.segments) out = s.named ? child(out, s.name) : keyPath(out, s.name);
  return out;
}

function messageFor(rule: ValidationRule, context: Record<string, unknown>, version: CelVersion): string {
  if (rule.messageExpression) {
    const p = program(version, rule.messageExpression);
    if (!(p instanceof Error)) {
      try {
        // Kubernetes trims the result and rejects an empty, multi-line or over-long one.
        const text = p.run(context);
        const trimmed = typeof text === "string" ? text.trim() : "";
        if (trimmed && !trimmed.includes("\n") && Buffer.byteLength(trimmed) <= MAX_MESSAGE_EXPRESSION_BYTES)
          return trimmed;
      } catch {
        // Kubernetes falls back to the static message when the expression fails.
      }
    }
  }
  return ruleMessageOrDefault(rule);
}

export interface EvaluationOptions {
  version: CelVersion;
  /** Pre-existing object; transition rules only run when it is given (never on create). */
  oldObject?: undefined;
}

/** Errors of the rules at one node. */
function nodeErrors(
  value: unknown,
  schema: JSONSchemaProps,
  path: string,
  isResourceRoot: boolean,
  opts: EvaluationOptions,
): FieldError[] {
  const rules = schema["x-kubernetes-validations"] ?? [];
  if (rules.length === 0) return [];
  const errs: FieldError[] = [];
  let self: unknown;
  let converted = false;
  for (const rule of rules) {
    const info = inspectRule(rule, schema, isResourceRoot, opts.version);
    if (!info.compiles) continue;
    if (info.usesOldSelf && rule.optionalOldSelf !== true) continue;
    const p = program(opts.version, rule.rule);
    if (p instanceof Error) continue;
    if (!converted) {
      self = toCelValue(value, schema, isResourceRoot, opts.version);
      converted = true;
    }
    const context: Record<string, unknown> = { self, oldSelf: Optional.none() };
    let result: unknown;
    try {
      result = p.run(context);
    } catch (error) {
      const message = runtimeMessage(error);
      const detail = /^no such overload/i.test(message)
        ? `'${message}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}`
        : `${message} evaluating rule: ${ruleErrorString(rule)}`;
      errs.push(invalid(path, schema.type ?? "", detail));
      continue;
    }
    if (result === true) continue;
    if (result !== false) {
      errs.push(
        invalid(
          path,
          schema.type ?? "",
          `rule did not evaluate to a bool evaluating rule: ${ruleErrorString(rule)}`,
        ),
      );
      continue;
    }
    errs.push(failure(rulePath(path, rule, schema), messageFor(rule, context, opts.version), rule, value));
  }
  return errs;
}

/** All rule failures in `value` (whose schema is `schema`), walking properties, items and maps. */
export function evaluateRules(
  value: unknown,
  schema: JSONSchemaProps,
  path: string,
  isResourceRoot: boolean,
  opts: EvaluationOptions,
  depth = 0,
): FieldError[] {
  if (value === null || value === undefined || depth > 100) return [];
  const errs = nodeErrors(value, schema, path, isResourceRoot, opts);
  if (Array.isArray(value)) {
    const items = itemsSchema(schema);
    if (items) {
      value.forEach((v, i) => {
        errs.push(
          ...evaluateRules(
            v,
            items,
            `${path}[${i}]`,
            items["x-kubernetes-embedded-resource"] === true,
            opts,
            depth + 1,
          ),
        );
      });
    }
  } else if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const ap = additionalPropertiesSchema(schema);
    for (const [k, v] of Object.entries(record)) {
      const prop = propertySchema(schema, k);
      if (prop) {
        errs.push(
          ...evaluateRules(
            v,
            prop,
            child(path, k),
            prop["x-kubernetes-embedded-resource"] === true,
            opts,
            depth + 1,
          ),
        );
      } else if (ap) {
        errs.push(
          ...evaluateRules(
            v,
            ap,
            keyPath(path, k),
            ap["x-kubernetes-embedded-resource"] === true,
            opts,
            depth + 1,
          ),
        );
      }
    }
  }
  return errs;
}
