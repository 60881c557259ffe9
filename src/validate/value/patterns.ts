/**
 * `pattern` checks with RE2 semantics (what Go's regexp implements), through the shared cache of
 * compiled expressions: the same few patterns are tried against many values.
 */
import { compileRe2 } from "../cel/re2.js";

/** Whether `value` contains a match of `pattern`; a pattern RE2 cannot compile matches anything. */
export function patternMatches(pattern: string, value: string): boolean {
  const re = compileRe2(pattern);
  return re instanceof Error ? true : re.matcher(value).find();
}

/** Anchors and word boundaries (RE2's `^ $ \A \z \b \B`): with one, the empty match may depend on the text. */
const ASSERTION = /[\^$]|\\[AzbB]/;

/**
 * Whether every string matches `pattern`: the API server looks for a match anywhere in the value,
 * so a pattern without anchors that matches the empty text (`[a-z0-9-]*`, `.*`, `(v[0-9]+)?`)
 * finds one at the start of any string, and checks nothing.
 */
export function matchesEveryString(pattern: string): boolean {
  return !ASSERTION.test(pattern) && patternMatches(pattern, "");
}

/** `pattern` anchored to match a whole value, as its author meant it. */
export function anchoredPattern(pattern: string): string {
  return `^${pattern.includes("|") ? `(${pattern})` : pattern}$`;
}
