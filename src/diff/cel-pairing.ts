/**
 * Pairs the CEL rules of an old and a new `x-kubernetes-validations` list, so that a change
 * names the rule it changed. Position says little: a rule removed before another shifts every
 * later one. Pairs are taken, in turn, by identical text, by equivalent text (a one-of group
 * respelled), by the same message, and then by similarity of the rule text; the best-scoring
 * pair first, ties broken by the nearest positions. Rules whose tokens mostly differ (a score
 * under 0.4), with no message in common, are different rules: one removed, the other added,
 * rather than one changed into the other.
 */
import type { ValidationRule } from "../schema/types.js";
import { sameOneOf } from "./cel-one-of.js";

export interface Indexed {
  rule: ValidationRule;
  /** The rule's index in its list. */
  index: number;
}

export interface RulePairing {
  pairs: [Indexed, Indexed][];
  removed: Indexed[];
  added: Indexed[];
}

/** Whether two rules say the same, whatever their spelling (one-of groups, see ./cel-one-of.ts). */
export function equivalent(a: ValidationRule, b: ValidationRule): boolean {
  return a.rule === b.rule || sameOneOf(a.rule, b.rule);
}

/** What a rule tells its user when it fails: its message or message expression, if any. */
function messageOf(rule: ValidationRule): string | undefined {
  const text = typeof rule.message === "string" && rule.message !== "" ? rule.message : undefined;
  const expression =
    typeof rule.messageExpression === "string" && rule.messageExpression !== ""
      ? rule.messageExpression
      : undefined;
  return text ?? expression;
}

function sameMessage(a: ValidationRule, b: ValidationRule): boolean {
  const message = messageOf(a);
  return message !== undefined && message === messageOf(b);
}

/**
 * CEL tokens that carry meaning: string literals, identifiers, numbers and operators. Brackets,
 * dots and commas are left out: every rule has them, so they would make unrelated rules alike.
 */
const TOKEN = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*|\d[\w.]*|[=!<>]=|&&|\|\||[^\s()[\]{}.,]/g;

function tokens(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.match(TOKEN) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Dice coefficient of the two texts' token multisets: 1 for the same tokens, 0 for none shared. */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  let shared = 0;
  let total = 0;
  for (const [token, count] of ta) {
    shared += Math.min(count, tb.get(token) ?? 0);
    total += count;
  }
  for (const count of tb.values()) total += count;
  return total === 0 ? 1 : (2 * shared) / total;
}

/**
 * Pairs the entries `accepts` allows, best `score` first (then nearest positions, then list
 * order), removing them from `olds` and `news`.
 */
function pairBest(
  olds: Indexed[],
  news: Indexed[],
  accepts: (a: ValidationRule, b: ValidationRule) => boolean,
  pairs: [Indexed, Indexed][],
): void {
  const candidates: { old: Indexed; neu: Indexed; score: number }[] = [];
  for (const old of olds)
    for (const neu of news)
      if (accepts(old.rule, neu.rule))
        candidates.push({ old, neu, score: similarity(old.rule.rule, neu.rule.rule) });
  candidates.sort(
    (x, y) =>
      y.score - x.score ||
      Math.abs(x.old.index - x.neu.index) - Math.abs(y.old.index - y.neu.index) ||
      x.old.index - y.old.index ||
      x.neu.index - y.neu.index,
  );
  for (const { old, neu } of candidates) {
    if (!olds.includes(old) || !news.includes(neu)) continue;
    olds.splice(olds.indexOf(old), 1);
    news.splice(news.indexOf(neu), 1);
    pairs.push([old, neu]);
  }
}

/**
 * Below this, two rules with nothing else in common are one removed and one added. Low enough
 * for a one-of group respelled with another count (`[has(self.a),...].filter(...).size() == 1`
 * against `(has(self.a)?1:0)+... <= 1` scores 0.45); `self.a > 0` against `size(self.b) < 5`
 * scores 0.22.
 */
const SIMILAR = 0.4;

const sameText = (a: ValidationRule, b: ValidationRule): boolean => a.rule === b.rule;
const similar = (a: ValidationRule, b: ValidationRule): boolean => similarity(a.rule, b.rule) >= SIMILAR;

export function pairRules(before: readonly Indexed[], after: readonly Indexed[]): RulePairing {
  const pairs: [Indexed, Indexed][] = [];
  const olds = [...before];
  const news = [...after];
  for (const accepts of [sameText, equivalent, sameMessage, similar]) pairBest(olds, news, accepts, pairs);
  return { pairs, removed: olds, added: news };
}
