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
 */
import { IMMUTABLE, type DraftSchema } from "../src/emit/draft.js";
import type { ValidationRule } from "../src/schema/types.js";
import { escapeCelName } from "../src/validate/cel/escaping.js";
import { walkOptions, type TransformContext } from "./context.js";
import { Feature, mapSchema } from "./walk.js";

export const name = "immutable";

/** The parent-level rule for one optional immutable field (controller-gen's exact wording). */
export function onceSetRule(property: string): ValidationRule {
  const f = escapeCelName(property) ?? property;
  return { rule: `!has(oldSelf.${f}) || has(self.${f})`, message: `field ${property} is immutable once set` };
}

export function immutable(schema: DraftSchema, ctx: TransformContext): DraftSchema {
  return mapSchema(
    schema,
    (node) => {
      if (!node.properties || !Object.values(node.properties).some((child) => child[IMMUTABLE] === true))
        return node;
      const required = new Set(node.required ?? []);
      const existing = node["x-kubernetes-validations"] ?? [];
      const added = Object.entries(node.properties)
        .filter(([property, child]) => child[IMMUTABLE] === true && !required.has(property))
        .map(([property]) => onceSetRule(property))
        .filter((rule) => !existing.some((r) => r.rule === rule.rule));
      return added.length === 0 ? node : { ...node, "x-kubernetes-validations": [...existing, ...added] };
    },
    walkOptions(ctx, name, Feature.immutable),
  );
}
