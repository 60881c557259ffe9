/**
 * `required` naming a property the object does not declare. Kubernetes does not compare the two
 * when the CRD is created, but it prunes undeclared fields from a request before it validates
 * it: the field is gone by then, so no object can be valid there, and a required one at the root
 * refuses every resource. An object that keeps unknown fields (`x-kubernetes-preserve-unknown-fields`,
 * a map's `additionalProperties`) is not concerned, nor a resource's apiVersion, kind and metadata,
 * which are always kept (metadata is pruned as ObjectMeta, whatever its schema declares). Under
 * `not`, only a likely misspelling of a declared property is told.
 */
import { didYouMean } from "../../tags/suggest.js";
import type { LintRule } from "./rule.js";

const RESOURCE_FIELDS = new Set(["apiVersion", "kind", "metadata"]);

export const requiredUndeclared: LintRule = {
  name: "required-undeclared",
  keys: ["required"],
  node({ node, owner, type, negated, resourceRoot, objectMeta }, report) {
    const required = node["required"];
    if (!Array.isArray(required) || objectMeta || type !== "object") return;
    if (owner["x-kubernetes-preserve-unknown-fields"] === true) return;
    const additional = owner["additionalProperties"];
    if (additional !== undefined && additional !== false) return;
    const properties = owner["properties"];
    const declared = typeof properties === "object" && properties !== null ? properties : {};
    required.forEach((name: unknown, i) => {
      if (typeof name !== "string" || Object.hasOwn(declared, name)) return;
      if (resourceRoot && RESOURCE_FIELDS.has(name)) return;
      const near = didYouMean(name, Object.keys(declared));
      // Under `not`, a name never present makes the `not` always hold, which may be meant (a field
      // that must stay unset); only a near miss of a declared name is told, as it silently
      // disables the rule (`not: {required: [nmae, names]}` forbids nothing). Short names are
      // all one edit apart (`b`, `a`), so they say nothing about a typo.
      if (negated) {
        if (near !== undefined && name.length >= 4)
          report(
            ["required", i],
            "value",
            `required field ${name} under not is not in properties, so this not always holds and forbids nothing.`,
            `did you mean ${near}?`,
          );
        return;
      }
      report(
        ["required", i],
        "value",
        `required field ${name} is not in properties: Kubernetes prunes it before it validates, so it is always missing and no object here can be valid.`,
        near !== undefined
          ? `did you mean ${near}?`
          : `declare ${name} in properties, or remove it from required`,
      );
    });
  },
};
