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
 */
import { IMMUTABLE, type DraftSchema } from "../src/emit/draft.js";
import type { ValidationRule } from "../src/schema/types.js";
import { escapeCelName } from "../src/validate/cel/escaping.js";
import { codes } from "../src/diagnostics/codes.js";
import { reportAt, walkOptions, type TransformContext } from "./context.js";
import { Feature, mapChildren, mapSchema, type SchemaPath } from "./walk.js";

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
      const required = new Set(node.required ?? []);
      const existing = node["x-kubernetes-validations"] ?? [];
      const added = Object.entries(node.properties)
        .filter(([property, child]) => child[IMMUTABLE] === true && !required.has(property))
        .map(([property]) => onceSetRule(property))
        .filter((rule) => !existing.some((r) => r.rule === rule.rule));
      return added.length === 0 ? node : { ...node, "x-kubernetes-validations": [...existing, ...added] };
    },
    walkOptions(ctx, name, acts),
  );
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
