import type { JSONSchemaProps, ValidationRule } from "../../schema/types.js";
import { child, forbidden, index, internalError, invalid, key } from "../errors.js";
import type { FieldError } from "../field-error.js";
import { GoStruct } from "../go-print.js";
import type { ValidationOptions } from "../options.js";
import { schemaHasRules } from "../schema-has.js";
import { checkingEnvironment, compileExpression, type CompileResult } from "./compile.js";
import { estimateCost } from "./cost.js";
import {
  additionalPropertiesSchema,
  itemsSchema,
  schemaDeclType,
  unboundedCardinality,
  type DeclType,
} from "./decl-type.js";
import { escapeCelName } from "./escaping.js";
import { ruleStaticErrors } from "../rule-static.js";
import { hasNodeSchemaErrors } from "./schema-errors.js";
import { parseCelVersion, type CelVersion } from "./version.js";

/**
 * The CEL half of Kubernetes' schema walk (`ValidateCustomResourceDefinitionOpenAPISchema`):
 * at every node with `x-kubernetes-validations` the rules are compiled against the node's type
 * unless the node or anything below it has schema errors, then each rule's estimated cost
 * (times how often the node can occur) is checked against the per-expression limit and added
 * to the schema's total.
 */

/** `StaticEstimatedCostLimit`: one rule, times its cardinality. */
export const PER_EXPRESSION_COST_LIMIT = 10_000_000;
/** `StaticEstimatedCRDCostLimit`: all rules of one schema. */
export const PER_SCHEMA_COST_LIMIT = 100_000_000;
const COST_HINT =
  "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";
const META_FIELDS = new Set(["metadata", "kind", "apiVersion"]);
const BRANCHES = ["allOf", "oneOf", "anyOf"] as const;

/** Kubernetes' `getCostErrorMessage`. */
export function costErrorMessage(costName: string, cost: number, limit: number): string {
  const factor = cost / limit;
  const shown =
    factor > 100 ? "more than 100x" : factor < 1.5 ? `${factor.toFixed(6)}x` : `${factor.toFixed(1)}x`;
  return `${costName} exceeds budget by factor of ${shown} ${COST_HINT}`;
}

interface RuleCost {
  path: string;
  cost: number;
}

class TotalCost {
  total = 0;
  mostExpensive: RuleCost[] = [];

  observe(path: string, cost: number): void {
    this.total = Math.min(this.total + cost, 2 ** 64);
    if (cost < PER_SCHEMA_COST_LIMIT / 100) return;
    this.mostExpensive.push({ path, cost });
    this.mostExpensive.sort((a, b) => b.cost - a.cost);
    this.mostExpensive.length = Math.min(this.mostExpensive.length, 4);
  }
}

interface Walk {
  options: ValidationOptions;
  version: CelVersion;
  total: TotalCost;
  errors: FieldError[];
  /** The nodes with rules at or below them (see `nodesLeadingToRules`). */
  leadsToRules: ReadonlySet<JSONSchemaProps>;
}

interface NodeState {
  path: string;
  isRoot: boolean;
  /** False inside allOf/anyOf/oneOf/not: rules there are never compiled. */
  celContext: boolean;
  inRuleScope: boolean;
  /** The node's CEL type when reachable from an ancestor that is in rule scope. */
  declType: DeclType | undefined;
  /** Product of the maxItems/maxProperties above; undefined when unbounded. */
  cardinality: number | undefined;
  /** The highest list or map above that cannot correlate old and new values. */
  uncorrelatable: string | undefined;
  allowDefaults: boolean;
  insideResourceMeta: boolean;
}

/** How much a node multiplies the number of its children (Kubernetes' `extractMaxElements`). */
function maxElements(s: JSONSchemaProps): number | undefined {
  if (s.type === "object") {
    if (s.additionalProperties !== undefined)
      return s.maxProperties !== undefined ? Math.max(0, s.maxProperties) : undefined;
    return 1;
  }
  if (s.type === "array") return s.maxItems !== undefined ? Math.max(0, s.maxItems) : undefined;
  return 1;
}

function childState(
  parent: NodeState,
  parentSchema: JSONSchemaProps,
  childSchema: JSONSchemaProps,
  path: string,
): NodeState {
  const factor = maxElements(parentSchema);
  // Written out rather than spread from `parent`: made for every node visited, and a literal
  // with all its fields is quicker to build than a copy.
  return {
    path,
    isRoot: false,
    celContext: parent.celContext,
    inRuleScope: parent.inRuleScope || (childSchema["x-kubernetes-validations"]?.length ?? 0) > 0,
    declType: undefined,
    cardinality:
      parent.cardinality === undefined || factor === undefined ? undefined : parent.cardinality * factor,
    uncorrelatable: parent.uncorrelatable,
    allowDefaults: parent.allowDefaults,
    insideResourceMeta: parent.insideResourceMeta,
  };
}

/** Kubernetes prints the internal ValidationRule struct (fields in declaration order) as the bad value. */
function ruleValue(rule: ValidationRule): GoStruct {
  return new GoStruct([
    ["Rule", rule.rule ?? ""],
    ["Message", rule.message ?? ""],
    ["MessageExpression", rule.messageExpression ?? ""],
    ["Reason", rule.reason ?? null],
    ["FieldPath", rule.fieldPath ?? ""],
    ["OptionalOldSelf", rule.optionalOldSelf ?? null],
  ]);
}

function compileRules(s: JSONSchemaProps, state: NodeState, walk: Walk, declType: DeclType): void {
  const rulesPath = child(state.path, "x-kubernetes-validations");
  const cardinality = state.cardinality ?? unboundedCardinality(declType);
  (s["x-kubernetes-validations"] ?? []).forEach((rule, i) => {
    const rulePath = index(rulesPath, i);
    if ((rule.rule ?? "").trim().length === 0) return;
    const sources = rule.messageExpression ? [rule.rule, rule.messageExpression] : [rule.rule];
    const typed = checkingEnvironment(walk.version, declType, rule.optionalOldSelf === true, sources);
    const compiled: CompileResult = compileExpression(typed, rule.rule, "bool");
    const ruleCost = compiled.kind === "ok" ? estimateCost(compiled.ast, declType).max : 0;
    const expressionCost = ruleCost === 0 ? 0 : Math.min(ruleCost * cardinality, 2 ** 64);
    if (expressionCost > PER_EXPRESSION_COST_LIMIT) {
      walk.errors.push(
        forbidden(
          child(rulePath, "rule"),
          costErrorMessage("estimated rule cost", expressionCost, PER_EXPRESSION_COST_LIMIT),
        ),
      );
    }
    walk.total.observe(child(rulePath, "rule"), expressionCost);
    if (compiled.kind === "error") {
      walk.errors.push(
        invalid(child(rulePath, "rule"), ruleValue(rule), `compilation failed: ${compiled.detail}`),
      );
      return;
    }
    if (compiled.kind === "wrong-type") {
      walk.errors.push(
        invalid(child(rulePath, "rule"), ruleValue(rule), "cel expression must evaluate to a bool"),
      );
      return;
    }
    if (compiled.kind === "unsupported") return;
    if (rule.messageExpression) {
      const message = compileExpression(typed, rule.messageExpression, "string");
      const messagePath = child(rulePath, "messageExpression");
      if (message.kind === "error") {
        walk.errors.push(
          invalid(messagePath, ruleValue(rule), `messageExpression compilation failed: ${message.detail}`),
        );
      } else if (message.kind === "wrong-type") {
        walk.errors.push(
          invalid(messagePath, ruleValue(rule), "messageExpression must evaluate to a string"),
        );
      } else if (message.kind === "ok") {
        const messageCost = estimateCost(message.ast, declType).max;
        if (messageCost > PER_EXPRESSION_COST_LIMIT) {
          walk.errors.push(
            forbidden(
              messagePath,
              costErrorMessage("estimated messageExpression cost", messageCost, PER_EXPRESSION_COST_LIMIT),
            ),
          );
        }
        walk.total.observe(messagePath, messageCost);
      }
    }
    if (compiled.usesOldSelf) {
      if (state.uncorrelatable !== undefined) {
        walk.errors.push(
          invalid(
            child(rulePath, "rule"),
            rule.rule,
            `oldSelf cannot be used on the uncorrelatable portion of the schema within ${state.uncorrelatable}`,
          ),
        );
      }
    } else if (rule.optionalOldSelf !== undefined && rule.optionalOldSelf !== null) {
      walk.errors.push(
        invalid(
          child(rulePath, "optionalOldSelf"),
          rule.optionalOldSelf,
          "may not be set if oldSelf is not used in rule",
        ),
      );
    }
  });
}

function hasRules(s: JSONSchemaProps): boolean {
  return (s["x-kubernetes-validations"]?.length ?? 0) > 0;
}

/**
 * The nodes that have rules or a descendant with rules, along the children `visit` goes to.
 * Outside the scope of any rule, a subtree without rules reports nothing and whether it has
 * schema errors matters to no rule, so `visit` skips it: most nodes of a large schema.
 */
function nodesLeadingToRules(schema: JSONSchemaProps): Set<JSONSchemaProps> {
  const found = new Set<JSONSchemaProps>();
  markLeadingToRules(schema, found);
  return found;
}

function markLeadingToRules(s: JSONSchemaProps | undefined, found: Set<JSONSchemaProps>): boolean {
  // Not a node (only in input that was not decoded): visited, so that it fails as it always did.
  if (s === undefined || s === null) return true;
  let leads = hasRules(s);
  const ap = additionalPropertiesSchema(s);
  if (ap && markLeadingToRules(ap, found)) leads = true;
  const properties = s.properties;
  if (properties) {
    for (const name of Object.keys(properties))
      if (markLeadingToRules(properties[name]!, found)) leads = true;
  }
  if (s.not && markLeadingToRules(s.not, found)) leads = true;
  for (const f of BRANCHES) {
    const list = s[f];
    if (list) for (const sub of list) if (markLeadingToRules(sub, found)) leads = true;
  }
  const items = itemsSchema(s);
  if (items && markLeadingToRules(items, found)) leads = true;
  if (leads) found.add(s);
  return leads;
}

/** Returns whether the subtree had schema errors (which stop compilation above it). */
/** Whether `visit` can skip the child `sub` of a node in `state` (see `nodesLeadingToRules`). */
function skips(state: NodeState, sub: JSONSchemaProps, walk: Walk): boolean {
  return !state.inRuleScope && !walk.leadsToRules.has(sub);
}

function visit(s: JSONSchemaProps, state: NodeState, walk: Walk): boolean {
  let schemaErrors = hasNodeSchemaErrors(s, state, walk.options);
  const rules = s["x-kubernetes-validations"] ?? [];
  if (state.inRuleScope && state.celContext && state.declType === undefined) {
    state.declType = schemaDeclType(s, state.isRoot || s["x-kubernetes-embedded-resource"] === true);
  }

  const ap = additionalPropertiesSchema(s);
  if (ap && !skips(state, ap, walk)) {
    const next = childState(state, s, ap, child(state.path, "additionalProperties"));
    if (state.insideResourceMeta) next.allowDefaults = false;
    if (state.declType?.kind === "map") next.declType = state.declType.elem;
    if (visit(ap, next, walk)) schemaErrors = true;
  }
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    if (skips(state, prop, walk)) continue;
    const next = childState(state, s, prop, key(child(state.path, "properties"), name));
    const mapType = s["x-kubernetes-map-type"];
    if (
      mapType !== undefined &&
      mapType !== "granular" &&
      mapType !== "atomic" &&
      next.uncorrelatable === undefined
    ) {
      next.uncorrelatable = state.path;
    }
    if ((state.isRoot || s["x-kubernetes-embedded-resource"]) && META_FIELDS.has(name)) {
      next.insideResourceMeta = true;
      if (state.isRoot) next.allowDefaults = false;
    }
    if (state.declType?.kind === "object") {
      const escaped = escapeCelName(name);
      if (escaped !== undefined) next.declType = state.declType.fields?.get(escaped)?.type;
    }
    if (visit(prop, next, walk)) schemaErrors = true;
  }
  const nested = (sub: JSONSchemaProps, path: string): void => {
    if (skips(state, sub, walk)) return;
    const next = childState(state, s, sub, path);
    next.celContext = false;
    if (visit(sub, next, walk)) schemaErrors = true;
  };
  if (s.not) nested(s.not, child(state.path, "not"));
  (s.allOf ?? []).forEach((sub, i) => nested(sub, index(child(state.path, "allOf"), i)));
  (s.oneOf ?? []).forEach((sub, i) => nested(sub, index(child(state.path, "oneOf"), i)));
  (s.anyOf ?? []).forEach((sub, i) => nested(sub, index(child(state.path, "anyOf"), i)));
  const items = itemsSchema(s);
  if (items && !skips(state, items, walk)) {
    const next = childState(state, s, items, child(state.path, "items"));
    if (s["x-kubernetes-list-type"] !== "map" && next.uncorrelatable === undefined)
      next.uncorrelatable = state.path;
    if (state.declType?.kind === "list") next.declType = state.declType.elem;
    if (visit(items, next, walk)) schemaErrors = true;
  }

  if (rules.length > 0) {
    const staticErrors = ruleStaticErrors(s, state.path);
    walk.errors.push(...staticErrors);
    if (staticErrors.length > 0) schemaErrors = true;
    if (!schemaErrors && state.celContext) {
      if (state.declType) compileRules(s, state, walk, state.declType);
      else {
        walk.errors.push(
          internalError(
            child(state.path, "x-kubernetes-validations"),
            "internal error: failed to construct type information for x-kubernetes-validations rules: unable to convert structural schema to CEL declarations",
          ),
        );
      }
    }
  }
  return schemaErrors;
}

/** CEL errors of one `openAPIV3Schema` whose path is `schemaPath`. */
export function celErrorsForSchema(
  schema: JSONSchemaProps,
  schemaPath: string,
  options: ValidationOptions,
): FieldError[] {
  // Every error of this walk is about a rule; most schemas have none.
  if (!schemaHasRules(schema)) return [];
  const walk: Walk = {
    options,
    version: parseCelVersion(options.celEnvironmentCompatibilityVersion),
    total: new TotalCost(),
    errors: [],
    leadsToRules: nodesLeadingToRules(schema),
  };
  visit(
    schema,
    {
      path: schemaPath,
      isRoot: true,
      celContext: options.requireStructuralSchema !== false,
      inRuleScope: (schema["x-kubernetes-validations"]?.length ?? 0) > 0,
      declType: undefined,
      cardinality: 1,
      uncorrelatable: undefined,
      allowDefaults: options.allowDefaults !== false,
      insideResourceMeta: false,
    },
    walk,
  );
  if (walk.total.total > PER_SCHEMA_COST_LIMIT) {
    for (const expensive of walk.total.mostExpensive) {
      walk.errors.push(
        forbidden(
          expensive.path,
          "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema",
        ),
      );
    }
    walk.errors.push(
      forbidden(
        schemaPath,
        costErrorMessage(
          "x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema",
          walk.total.total,
          PER_SCHEMA_COST_LIMIT,
        ),
      ),
    );
  }
  return walk.errors;
}
