import { RE2JS } from "re2js";

/**
 * RE2 regular expressions, as Kubernetes uses them for `pattern` and for CEL's `matches`,
 * `find` and `findAll`. JavaScript's RegExp accepts things RE2 rejects (look-around,
 * back-references) and rejects things RE2 accepts (`(?i)`, `\z`, `[[:alpha:]]`), so both the
 * syntax check and the matching go through an RE2 implementation.
 */

const cache = new Map<string, RE2JS | Error>();
const CACHE_LIMIT = 2000;

/** The compiled pattern, or the RE2 parse error (message as Go prints it). */
export function compileRe2(pattern: string): RE2JS | Error {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      compiled = new Error(error instanceof Error ? error.message : String(error));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** Go's `regexp.MatchString`: true when the pattern matches anywhere in the text. */
export function re2Test(pattern: string, text: string): boolean {
  const compiled = compileRe2(pattern);
  if (compiled instanceof Error) throw compiled;
  return compiled.matcher(text).find();
}

/** Up to `limit` (all when negative) non-overlapping matches, in order. */
export function re2FindAll(pattern: string, text: string, limit: number): string[] {
  const compiled = compileRe2(pattern);
  if (compiled instanceof Error) throw compiled;
  const matcher = compiled.matcher(text);
  const found: string[] = [];
  while ((limit < 0 || found.length < limit) && matcher.find()) {
    found.push(matcher.group() ?? "");
  }
  return found;
}
