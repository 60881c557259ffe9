/**
 * What the fuzzers (test/tags/fuzz.test.ts, test/read/construct-fuzz.test.ts) require of every
 * diagnostic: a location inside the entry's source, and words that print no value by mistake.
 */
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { ENTRY } from "./generate.js";

/** Words a message has only when it printed a value it should not have. */
export const GARBAGE_WORDS = ["undefined", "[object Object]", "NaN"];

/**
 * What is wrong with `d`'s location (in `source`, split into `lines`) or words, if anything. `allowed` are phrases that use a
 * garbage word on purpose (CEL's "undefined field", TypeScript's "null or undefined"); `words`
 * replaces GARBAGE_WORDS.
 */
export function diagnosticProblem(
  d: Diagnostic,
  lines: readonly string[],
  source: string,
  allowed: readonly RegExp[] = [],
  words: readonly string[] = GARBAGE_WORDS,
): string | undefined {
  const where = d.location;
  if (!where) return "has no location";
  if (where.file !== ENTRY) return `is located in ${where.file}`;
  const line = lines[where.line - 1];
  if (line === undefined) return `is at line ${where.line}, past the source's ${lines.length}`;
  if (!Number.isInteger(where.column) || where.column < 1 || where.column > line.length + 1)
    return `is at column ${where.column} of a line of ${line.length} characters`;
  for (const word of words) {
    // A word the user wrote may be quoted back.
    if (source.includes(word)) continue;
    for (const text of [d.message, d.hint ?? ""])
      if (allowed.reduce((t, phrase) => t.replace(phrase, ""), text).includes(word))
        return `says "${word}": ${text}`;
  }
  return undefined;
}
