/**
 * CEL rules in `x-kubernetes-validations`.
 *
 * `validation-rule-added` (breaking unless it ratchets): a new rule runs against every
 * create and update, so existing objects that violate it can no longer be updated.
 * A rule ratchets when it is a transition rule, i.e. it references `oldSelf` (and so
 * can exempt unchanged values) or sets `optionalOldSelf`; such a rule is not breaking.
 * Example: `[]` → `[{rule: "self.replicas <= 10"}]`.
 *
 * `validation-rule-changed` (breaking unless the new rule ratchets): the rule text
 * changed, or a rule stopped ratcheting. The new expression may reject stored objects.
 *
 * `validation-rule-removed` (not breaking): a constraint is gone.
 * `validation-rule-details-changed` (not breaking): message, messageExpression,
 * reason or fieldPath changed for the same rule text: only error reports differ.
 *
 * Rules are matched by identical text first, then the leftovers by position.
 */
import type { ValidationRule } from "../../schema/types.js";
import { isRecord } from "../crd-access.js";
import type { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";
import { jsonEqual } from "../json-equal.js";
import type { SchemaRule } from "./rule.js";

interface Indexed {
  rule: ValidationRule;
  index: number;
}

const CEL_STRING = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

/** Whether the rule can exempt existing values: it is a transition rule. */
export function ratchets(rule: ValidationRule): boolean {
  if (rule.optionalOldSelf === true) return true;
  // Ignore `oldSelf` spelled inside string literals.
  return /\boldSelf\b/.test(rule.rule.replace(CEL_STRING, "''"));
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

/** Pairs rules with identical text, then the remaining ones in order. */
function matchRules(
  before: Indexed[],
  after: Indexed[],
): { pairs: [Indexed, Indexed][]; removed: Indexed[]; added: Indexed[] } {
  const pairs: [Indexed, Indexed][] = [];
  const unmatchedOld = [...before];
  const unmatchedNew: Indexed[] = [];
  for (const entry of after) {
    const i = unmatchedOld.findIndex((o) => o.rule.rule === entry.rule.rule);
    if (i >= 0) pairs.push([unmatchedOld.splice(i, 1)[0] as Indexed, entry]);
    else unmatchedNew.push(entry);
  }
  const positional = Math.min(unmatchedOld.length, unmatchedNew.length);
  for (let i = 0; i < positional; i++) pairs.push([unmatchedOld[i] as Indexed, unmatchedNew[i] as Indexed]);
  return { pairs, removed: unmatchedOld.slice(positional), added: unmatchedNew.slice(positional) };
}

function comparePair(before: Indexed, after: Indexed, list: FieldPath, report: Report): void {
  const at = list.index(after.index, true);
  const textChanged = before.rule.rule !== after.rule.rule;
  const lostRatchet = ratchets(before.rule) && !ratchets(after.rule);
  if (textChanged || lostRatchet) {
    const breaking = !ratchets(after.rule);
    report({
      kind: "validation-rule-changed",
      breaking,
      at,
      message: textChanged
        ? `validation rule changed${breaking ? "; existing objects may fail it" : " (it ratchets on oldSelf)"}`
        : "validation rule no longer ratchets; existing objects may fail it",
      old: before.rule.rule,
      new: after.rule.rule,
    });
    return;
  }
  if (!jsonEqual(before.rule, after.rule)) {
    report({
      kind: "validation-rule-details-changed",
      breaking: false,
      at,
      message: "validation rule message, reason or fieldPath changed",
      old: before.rule,
      new: after.rule,
    });
  }
}

export const validationRulesRule: SchemaRule = {
  keywords: ["x-kubernetes-validations"],
  check(old, neu, at, report) {
    const list = at.field("x-kubernetes-validations");
    const { pairs, removed, added } = matchRules(
      rulesOf(old["x-kubernetes-validations"]),
      rulesOf(neu["x-kubernetes-validations"]),
    );
    for (const [before, after] of pairs) comparePair(before, after, list, report);
    for (const { rule, index } of added) {
      const breaking = !ratchets(rule);
      report({
        kind: "validation-rule-added",
        breaking,
        at: list.index(index, true),
        message: breaking
          ? `new validation rule ${JSON.stringify(rule.rule)}; existing objects may fail it`
          : `new transition rule ${JSON.stringify(rule.rule)} (ratchets on oldSelf)`,
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
