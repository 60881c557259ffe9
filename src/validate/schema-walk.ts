/**
 * The generic schema walk, `ValidateCustomResourceDefinitionOpenAPISchema` with
 * `specStandardValidatorV3` (reference §8 G2–G31 and the static half of §11). It visits every
 * node, including value validations, items, additionalProperties and unsupported keywords.
 */
import type { JSONSchemaProps } from "../schema/types.js";
import type { FieldError } from "./field-error.js";
import { child, forbidden, index, invalid, key, notSupported } from "./errors.js";
import { listTypeErrors } from "./list-types.js";
import type { ValidationOptions } from "./options.js";
import { ruleStaticErrors } from "./rule-static.js";

export const OPENAPI_V3_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
const META_FIELDS = new Set(["metadata", "kind", "apiVersion"]);

interface WalkState {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
}

export interface WalkResult {
  errors: FieldError[];
  /** Paths of nodes whose own subtree had errors: Kubernetes skips CEL compilation there. */
  nodesWithErrors: Set<string>;
}

export function walkSchema(schema: JSONSchemaProps, path: string, opts: ValidationOptions): WalkResult {
  const nodesWithErrors = new Set<string>();
  const state: WalkState = {
    allowDefaults: opts.allowDefaults,
    disallowDefaultsReason: opts.disallowDefaultsReason,
    insideResourceMeta: false,
  };
  const errors = walk(schema, path, state, true, opts, nodesWithErrors);
  return { errors, nodesWithErrors };
}

function walk(
  s: JSONSchemaProps,
  path: string,
  state: WalkState,
  isRoot: boolean,
  opts: ValidationOptions,
  nodesWithErrors: Set<string>,
): FieldError[] {
  const errs: FieldError[] = nodeErrors(s, path, state, opts);
  const recurse = (sub: JSONSchemaProps | undefined, p: string, st: WalkState = state) => {
    if (sub) errs.push(...walk(sub, p, st, false, opts, nodesWithErrors));
  };

  if (s.uniqueItems) {
    errs.push(
      forbidden(
        child(path, "uniqueItems"),
        "uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
      ),
    );
  }
  const ap = s.additionalProperties;
  if (ap !== undefined) {
    const hasProps = s.properties !== undefined && Object.keys(s.properties).length > 0;
    if (hasProps && (ap === false || typeof ap === "object")) {
      errs.push(
        forbidden(
          child(path, "additionalProperties"),
          "additionalProperties and properties are mutual exclusive",
        ),
      );
    }
    // Pruning without a value is ambiguous, so defaults are forbidden in maps applying to metadata.
    const sub = state.insideResourceMeta
      ? {
          ...state,
          allowDefaults: false,
          disallowDefaultsReason: "inside additionalProperties applying to object metadata",
        }
      : state;
    if (typeof ap === "object") recurse(ap, child(path, "additionalProperties"), sub);
  }
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    let sub = state;
    if ((isRoot || s["x-kubernetes-embedded-resource"]) && META_FIELDS.has(name)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = { ...sub, allowDefaults: false, disallowDefaultsReason: `in top-level ${name}` };
    }
    recurse(prop, key(child(path, "properties"), name), sub);
  }
  for (const [name, prop] of Object.entries(s.patternProperties ?? {}))
    recurse(prop, key(child(path, "patternProperties"), name));
  if (typeof s.additionalItems === "object") recurse(s.additionalItems, child(path, "additionalItems"));
  recurse(s.not, child(path, "not"));
  for (const f of ["allOf", "oneOf", "anyOf"] as const)
    (s[f] ?? []).forEach((x, i) => recurse(x, index(child(path, f), i)));
  for (const [name, def] of Object.entries(s.definitions ?? {}))
    recurse(def, key(child(path, "definitions"), name));
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) s.items.forEach((x, i) => recurse(x, index(child(path, "items"), i)));
    else recurse(s.items, child(path, "items"));
  }
  for (const [name, dep] of Object.entries(s.dependencies ?? {})) {
    if (!Array.isArray(dep)) recurse(dep, key(child(path, "dependencies"), name));
  }
  if (s["x-kubernetes-preserve-unknown-fields"] === false) {
    errs.push(
      invalid(child(path, "x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined"),
    );
  }
  errs.push(...listTypeErrors(s, path, opts));
  errs.push(...ruleStaticErrors(s, path));
  if (errs.length > 0) nodesWithErrors.add(path);
  return errs;
}

/** `specStandardValidatorV3.validate`: the checks on one node's own keywords. */
function nodeErrors(
  s: JSONSchemaProps,
  path: string,
  state: WalkState,
  opts: ValidationOptions,
): FieldError[] {
  const errs: FieldError[] = [];
  const type = s.type ?? "";
  if (opts.requireValidPropertyType && type && !OPENAPI_V3_TYPES.includes(type)) {
    errs.push(notSupported(child(path, "type"), type, OPENAPI_V3_TYPES));
  }
  if (s.default !== undefined && !state.allowDefaults) {
    const detail = state.disallowDefaultsReason
      ? `must not be set ${state.disallowDefaultsReason}`
      : "must not be set";
    errs.push(forbidden(child(path, "default"), detail));
  }
  if (s.id) errs.push(forbidden(child(path, "id"), "id is not supported"));
  if (s.additionalItems !== undefined)
    errs.push(forbidden(child(path, "additionalItems"), "additionalItems is not supported"));
  if (s.patternProperties && Object.keys(s.patternProperties).length > 0) {
    errs.push(forbidden(child(path, "patternProperties"), "patternProperties is not supported"));
  }
  if (s.definitions && Object.keys(s.definitions).length > 0) {
    errs.push(forbidden(child(path, "definitions"), "definitions is not supported"));
  }
  if (s.dependencies !== undefined)
    errs.push(forbidden(child(path, "dependencies"), "dependencies is not supported"));
  if (s.$ref !== undefined) errs.push(forbidden(child(path, "$ref"), "$ref is not supported"));
  if (type === "null")
    errs.push(forbidden(child(path, "type"), "type cannot be set to null, use nullable as an alternative"));
  if (Array.isArray(s.items) && s.items.length > 0) {
    errs.push(forbidden(child(path, "items"), "items must be a schema object and not an array"));
  }
  if (state.insideResourceMeta && s["x-kubernetes-embedded-resource"]) {
    errs.push(
      forbidden(child(path, "x-kubernetes-embedded-resource"), "must not be used inside of resource meta"),
    );
  }
  return errs;
}
