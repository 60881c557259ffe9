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
