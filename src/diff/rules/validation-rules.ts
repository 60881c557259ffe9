/**
 * CEL rules in `x-kubernetes-validations`.
 *
 * `validation-rule-added` (breaking): a new rule can reject requests that were accepted
 * before. Since Kubernetes 1.30 validation ratcheting exempts values an update leaves
 * unchanged, but only for rules that do not reference `oldSelf`: transition rules are never
 * ratcheted, so a new `self == oldSelf` makes a field immutable for every existing object.
 * Example: `[]` → `[{rule: "self.replicas <= 10"}]`.
 *
 * `validation-rule-changed` (breaking): the rule text changed (whether the new expression
 * admits a superset of values is not decidable here), or `optionalOldSelf` was turned on,
 * which makes a transition rule also run on create and when the value is first set.
 *
 * `validation-rule-removed` (not breaking): a constraint is gone.
 * `validation-rule-details-changed` (not breaking): message, messageExpression, reason,
 * fieldPath, or `optionalOldSelf` turned off, for the same rule text.
 *
 * A one-of rule respelled (controller-gen v0.21's `[has(self.a),has(self.b)].filter(x,x==true).size() == 1`
 * against today's `(has(self.a)?1:0)+(has(self.b)?1:0) == 1`, see ../cel-one-of.ts) with every other
 * field equal is no change, as an integer bound rewritten `> 4` → `>= 5` is none: it is not reported
 * (with a message reworded, that is a detail changed, as for a rule of the same text).
 *
 * Rules are paired by identical text, equivalent text, message, then similar text (../cel-pairing.ts).
 */
import type { ValidationRule } from "../../schema/types.js";
import { equivalent, pairRules, type Indexed } from "../cel-pairing.js";
import { isRecord } from "../crd-access.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

const CEL_STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

/** Whether the rule is a transition rule: it reads `oldSelf`, so ratcheting never exempts it. */
export function isTransitionRule(rule: ValidationRule): boolean {
  // Ignore `oldSelf` spelled inside string literals.
  return /\boldSelf\b/.test(rule.rule.replace(CEL_STRING, "''"));
}

/** What now fails, worded for the kind of rule (see the module comment on ratcheting). */
function whatFails(rule: ValidationRule): string {
  if (!isTransitionRule(rule))
    return "requests it rejects now fail (on update, Kubernetes 1.30+ exempts values left unchanged)";
  // Without optionalOldSelf a transition rule has no old value to read on create, so it is skipped.
  const requests = rule.optionalOldSelf === true ? "requests" : "updates";
  return `${requests} it rejects now fail (rules on oldSelf are never ratcheted)`;
}

function rulesOf(value: unknown): Indexed[] {
  if (!Array.isArray(value)) return [];
  const out: Indexed[] = [];
  value.forEach((rule: unknown, index) => {
    if (isRecord(rule) && typeof rule.rule === "string")
      out.push({ rule: rule as unknown as ValidationRule, index });
  });
  return out;
}

/** The keys besides `rule` whose values differ (`message`, `reason`...), in key order. */
function changedDetails(before: ValidationRule, after: ValidationRule): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete("rule");
  const value = (rule: ValidationRule, key: string): unknown =>
    (rule as unknown as Record<string, unknown>)[key];
  return [...keys].sort().filter((key) => !jsonEqual(value(before, key), value(after, key)));
}

function comparePair(before: Indexed, after: Indexed, list: FieldPath, report: Report): void {
  const at = list.index(after.index, true);
  // A one-of rule respelled is the same rule: a reworded message beside it is a detail, as for any rule.
  const textChanged = !equivalent(before.rule, after.rule);
  // optionalOldSelf only matters to a transition rule: it then also runs without an old value.
  const widened =
    isTransitionRule(after.rule) &&
    after.rule.optionalOldSelf === true &&
    before.rule.optionalOldSelf !== true;
  if (textChanged || widened) {
    report({
      kind: "validation-rule-changed",
      breaking: true,
      // At the key that changed, so that an annotation marks the rule, not the message above it.
      at: at.field(textChanged ? "rule" : "optionalOldSelf"),
      message: textChanged
        ? `validation rule changed to ${JSON.stringify(after.rule.rule)}; ${whatFails(after.rule)}`
        : `validation rule ${JSON.stringify(after.rule.rule)} now also runs on create and when the value is first set (optionalOldSelf)`,
      old: before.rule.rule,
      new: after.rule.rule,
    });
    return;
  }
  const details = changedDetails(before.rule, after.rule);
  const [first] = details;
  if (first !== undefined) {
    report({
      kind: "validation-rule-details-changed",
      breaking: false,
      // At the first key that changed (`.message`), where the annotation belongs.
      at: at.field(first),
      message: `validation rule ${JSON.stringify(after.rule.rule)}: ${details.join(", ")} changed`,
      old: before.rule,
      new: after.rule,
    });
  }
}

export const validationRulesRule: SchemaRule = {
  keywords: ["x-kubernetes-validations"],
  check(old, neu, at, report) {
    const list = at.field("x-kubernetes-validations");
    const { pairs, removed, added } = pairRules(
      rulesOf(old["x-kubernetes-validations"]),
      rulesOf(neu["x-kubernetes-validations"]),
    );
    for (const [before, after] of pairs) comparePair(before, after, list, report);
    for (const { rule, index } of added) {
      report({
        kind: "validation-rule-added",
        breaking: true,
        at: list.index(index, true),
        message: `new ${isTransitionRule(rule) ? "transition" : "validation"} rule ${JSON.stringify(rule.rule)}; ${whatFails(rule)}`,
        new: rule.rule,
      });
    }
    for (const { rule, index } of removed) {
      report({
        kind: "validation-rule-removed",
        breaking: false,
        at: list.index(index, false),
        message: `validation rule ${JSON.stringify(rule.rule)} was removed`,
        old: rule.rule,
      });
    }
  },
};
