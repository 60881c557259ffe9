/**
 * immutable: @immutable puts `self == oldSelf` on the field, but that rule only runs while
 * the field exists, so an optional field could still be removed and then set to anything.
 * controller-gen's k8s:immutable closes that gap with a rule on the parent object, one per
 * optional immutable field in field order, after the parent's own rules. A required field
 * cannot be removed, so it needs none.
 *
 *   in:  {type: object, required: [a], properties: {a: {x-crdgen-immutable: true, ...}, b: {x-crdgen-immutable: true, ...}}}
 *   out: {type: object, required: [a], properties: {a: {...}, b: {...}},
 *         x-kubernetes-validations: [{rule: "!has(oldSelf.b) || has(self.b)", message: "field b is immutable once set"}]}
 *
 * The marker itself is left for finalize to strip, so running this twice adds nothing twice.
 *
 * Rules that use oldSelf are only allowed where Kubernetes can pair a value with its old one:
 * not inside a list's items unless the list is a list-map (items paired by key). An immutable
 * field there is an error at the field, rather than the API server's rejection of the CRD.
 *
 *   in:  {type: array, items: {type: object, properties: {a: {x-crdgen-immutable: true, ...}}}}
 *   out: (the same, plus the once-set rule on the items) and an error at `[].a`
 *
 * Nor can a rule compare a field CEL does not see (cel-sees.ts): one of no type, or a list or
 * map of values of no type. Both rules would make the API server refuse the CRD, in words about
 * rules the user never wrote; instead the field loses them and its marker, with one error at the
 * tag.
 *
 *   in:  {type: object, properties: {a: {x-crdgen-immutable: true, x-kubernetes-preserve-unknown-fields: true,
 *         x-kubernetes-validations: [<@immutable's self == oldSelf>]}}}
 *   out: {type: object, properties: {a: {x-kubernetes-preserve-unknown-fields: true}}} and an error at the tag
 */
import { IMMUTABLE, type DraftSchema } from "../src/emit/draft.js";
import { ruleOrigin } from "../src/emit/rule-origins.js";
import type { ValidationRule } from "../src/schema/types.js";
import { IMMUTABLE_RULE } from "../src/tags/controller-gen-tags.js";
import { escapeCelName } from "../src/validate/cel/escaping.js";
import { codes } from "../src/diagnostics/codes.js";
import { celSees } from "./cel-sees.js";
import { reportAt, walkOptions, type TransformContext } from "./context.js";
import { Feature, join, mapChildren, mapSchema, type SchemaPath } from "./walk.js";

export const name = "immutable";

/** What it acts on (walk.ts): a schema with none of these anywhere comes back as it went in. */
export const acts = Feature.immutable;

/** The parent-level rule for one optional immutable field (controller-gen's exact wording). */
export function onceSetRule(property: string): ValidationRule {
  const f = escapeCelName(property) ?? property;
  return { rule: `!has(oldSelf.${f}) || has(self.${f})`, message: `field ${property} is immutable once set` };
}

export function immutable(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node, path) => {
      if (isUnpairedList(node)) reportUnpaired(node, path, ctx);
      if (!node.properties || !Object.values(node.properties).some((child) => child[IMMUTABLE] === true))
        return node;
      let properties = node.properties;
      for (const [property, child] of Object.entries(node.properties)) {
        if (child[IMMUTABLE] !== true || celSees(child)) continue;
        if (properties === node.properties) properties = { ...properties };
        properties[property] = withoutImmutable(child, property, join(path, property), ctx);
      }
      const required = new Set(node.required ?? []);
      const existing = node["x-kubernetes-validations"] ?? [];
      const added = Object.entries(properties)
        .filter(([property, child]) => child[IMMUTABLE] === true && !required.has(property))
        .map(([property]) => onceSetRule(property))
        .filter((rule) => !existing.some((r) => r.rule === rule.rule));
      const out = properties === node.properties ? node : { ...node, properties };
      return added.length === 0 ? out : { ...out, "x-kubernetes-validations": [...existing, ...added] };
    },
    walkOptions(ctx, name, acts),
  );
}

/**
 * Immutable field `child`, which CEL does not see, without @immutable's marker and rule, and the
 * error at the tag.
 */
function withoutImmutable(
  child: DraftSchema,
  field: string,
  path: SchemaPath,
  ctx: TransformContext,
): DraftSchema {
  const rules = child["x-kubernetes-validations"] ?? [];
  const tagRule = rules.find((r) => r.rule === IMMUTABLE_RULE.rule && r.message === IMMUTABLE_RULE.message);
  // Once however many fields use the type: generate merges repeats.
  reportAt(
    ctx,
    child,
    path,
    {
      severity: "error",
      code: codes.immutableUnseen,
      message: `@immutable cannot be enforced on ${field}, which ${unseenShape(child)}: Kubernetes' CEL rules see no such field, so no rule can compare it with its old value.`,
      hint: `give ${field} a type CEL sees (for an object of any fields, Record<string, unknown> tagged @preserveUnknownFields), or remove @immutable`,
    },
    tagRule && ruleOrigin(tagRule),
  );
  const { [IMMUTABLE]: _marker, "x-kubernetes-validations": _rules, ...rest } = child;
  const kept = rules.filter((r) => r !== tagRule);
  return kept.length > 0 ? { ...rest, "x-kubernetes-validations": kept } : rest;
}

/** What makes a field unseen by CEL, in the user's words. */
function unseenShape(schema: DraftSchema): string {
  if (schema.items !== undefined) return "is a list holding values of no type (unknown, any)";
  if (typeof schema.additionalProperties === "object")
    return "is a map holding values of no type (unknown, any)";
  return "has no type (unknown, any)";
}

/** A list whose items Kubernetes cannot pair with the old list's: any list but a list-map. */
function isUnpairedList(node: DraftSchema): boolean {
  return node.items !== undefined && !Array.isArray(node.items) && node["x-kubernetes-list-type"] !== "map";
}

/**
 * Reports each immutable field below the list `node`'s items, except below a nested list of the
 * same kind (that list reports its own).
 */
function reportUnpaired(node: DraftSchema, path: SchemaPath, ctx: TransformContext): void {
  const visit = (child: DraftSchema, childPath: SchemaPath): DraftSchema => {
    if (child[IMMUTABLE] === true) {
      reportAt(ctx, child, childPath, {
        severity: "error",
        code: codes.immutableInList,
        message:
          "@immutable cannot be enforced inside a list whose items Kubernetes cannot pair with the old list's: a rule on oldSelf is only allowed there in a list-map.",
        hint: "make the list a list-map (@listType map with @listMapKey), or remove @immutable",
      });
    }
    if (!isUnpairedList(child)) mapChildren(child, childPath, visit, undefined);
    return child;
  };
  mapChildren({ items: node.items }, path, visit, undefined);
}
