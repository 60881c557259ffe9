/**
 * `type-changed` (breaking): what kind of value a field holds changed: `type`,
 * `x-kubernetes-int-or-string` or `x-kubernetes-embedded-resource`. Stored values
 * of the old type no longer validate, and typed clients cannot decode the new one
 * (even widening, e.g. string → int-or-string, breaks readers expecting a string).
 * Example: `type: integer` → `type: string`. When the shape changed nothing else
 * about the node is compared: it would only repeat the same news.
 *
 * Also `type-changed` for `x-kubernetes-preserve-unknown-fields`: removing it is
 * breaking (unknown fields stored under the node are pruned on the next write);
 * adding it is not (fields that used to be pruned are now kept).
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import type { SchemaRule } from "./rule.js";

/** A one-word description of the values a node accepts. */
function shapeOf(node: JSONSchemaProps): string {
  if (node["x-kubernetes-int-or-string"] === true) return "int-or-string";
  if (node["x-kubernetes-embedded-resource"] === true) return `embedded resource (${node.type ?? "object"})`;
  if (node.type !== undefined) return String(node.type);
  return node["x-kubernetes-preserve-unknown-fields"] === true ? "any value" : "untyped";
}

/** True when the node's value shape changed, which makes its other keywords incomparable. */
export function shapeChanged(old: JSONSchemaProps, neu: JSONSchemaProps): boolean {
  return shapeOf(old) !== shapeOf(neu);
}

/** Widenings (and any shape to `any value`): stored values stay valid, only typed readers break. */
const WIDENINGS: ReadonlySet<string> = new Set([
  "integer>number",
  "integer>int-or-string",
  "string>int-or-string",
]);

function typeChange(before: string, after: string): string {
  const changed = `type changed from ${before} to ${after}`;
  const widened = after === "any value" || WIDENINGS.has(`${before}>${after}`);
  if (!widened)
    return `${changed}; stored values may not fit it: requests with them are rejected, and clients that decode ${after} fail on them`;
  return `${changed}; stored values stay valid, but clients that decode it as ${before} fail on the values it now allows`;
}

export const typeRule: SchemaRule = {
  keywords: [
    "type",
    "x-kubernetes-int-or-string",
    "x-kubernetes-embedded-resource",
    "x-kubernetes-preserve-unknown-fields",
  ],
  check(old, neu, at, report) {
    if (shapeChanged(old, neu)) {
      report({
        kind: "type-changed",
        breaking: true,
        at: at.field("type"),
        message: typeChange(shapeOf(old), shapeOf(neu)),
        old: shapeOf(old),
        new: shapeOf(neu),
      });
      return;
    }
    const preservedBefore = old["x-kubernetes-preserve-unknown-fields"] === true;
    const preservedAfter = neu["x-kubernetes-preserve-unknown-fields"] === true;
    if (preservedBefore === preservedAfter) return;
    report({
      kind: "type-changed",
      breaking: preservedBefore,
      at: at.field("x-kubernetes-preserve-unknown-fields"),
      message: preservedBefore
        ? "x-kubernetes-preserve-unknown-fields was removed; unknown fields stored here are pruned"
        : "x-kubernetes-preserve-unknown-fields was added; unknown fields are now kept",
      old: old["x-kubernetes-preserve-unknown-fields"],
      new: neu["x-kubernetes-preserve-unknown-fields"],
    });
  },
};
