/**
 * `x-kubernetes-int-or-string: true` beside a `type`. Kubernetes accepts both, and the extension
 * wins: the field takes integers and strings whatever `type` says, so `type: string` keeps no
 * integer out (and `type: integer` no string).
 */
import type { LintRule } from "./rule.js";

export const intOrStringType: LintRule = {
  name: "int-or-string-type",
  keys: ["x-kubernetes-int-or-string"],
  node({ node, branch }, report) {
    const type = node["type"];
    if (branch || node["x-kubernetes-int-or-string"] !== true || typeof type !== "string") return;
    report(
      ["type"],
      "key",
      `type: ${type} is ignored beside x-kubernetes-int-or-string: true: the field takes integers and strings alike.`,
      `remove type for a field that takes both, or remove x-kubernetes-int-or-string for ${type}s only`,
    );
  },
};
