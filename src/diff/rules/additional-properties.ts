/**
 * `additional-properties-changed`: what an object accepts beyond its named properties.
 * States, from loosest: `true` or `x-kubernetes-preserve-unknown-fields` (anything kept),
 * a schema (values checked), none (`false` or unset: unknown keys are pruned or rejected).
 * - Breaking when the new state is stricter: schema/`true` → none (stored map entries
 *   are pruned), or `true` → schema (values that did not match are rejected).
 * - Not breaking when looser: none → schema/`true`, or schema → `true`.
 * Example: `additionalProperties: {type: string}` → no additionalProperties.
 * When both sides are schemas, the schemas themselves are walked like any field.
 */
import type { JSONSchemaProps } from "../../schema/types.js";
import { isRecord } from "../crd-access.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

type State = "none" | "schema" | "any";

const LOOSENESS: Record<State, number> = { none: 0, schema: 1, any: 2 };

function stateOf(node: JSONSchemaProps): State {
  const value = node.additionalProperties;
  if (value === true) return "any";
  if (isRecord(value)) return "schema";
  // An object that keeps unknown fields keeps entries no schema names, as `true` does.
  return node["x-kubernetes-preserve-unknown-fields"] === true ? "any" : "none";
}

export const additionalPropertiesRule: SchemaRule = {
  keywords: ["additionalProperties"],
  check(old, neu, at, report) {
    // The preserve-unknown-fields flag alone is the type rule's to report.
    if (jsonEqual(old.additionalProperties, neu.additionalProperties)) return;
    const before = stateOf(old);
    const after = stateOf(neu);
    if (before === after) return;
    const breaking = LOOSENESS[after] < LOOSENESS[before];
    report({
      kind: "additional-properties-changed",
      breaking,
      at: at.field("additionalProperties"),
      message: `additional properties changed from ${before} to ${after}${breaking ? "; existing entries may be pruned or rejected" : ""}`,
      old: old.additionalProperties,
      new: neu.additionalProperties,
    });
  },
};
