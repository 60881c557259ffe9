/**
 * Strings of a union as one pattern, for the transforms that merge a union's members into one
 * schema (union-lowering, and int-or-string for the string side of `number | "auto"`).
 *
 *   in:  [{type: string, pattern: "^a-"}, {type: string, enum: [x]}]     (`a-${string}` | "x")
 *   out: "(?:^a-)|^(?:x)$"
 */
import { ORIGIN, TYPE_NAME, type DraftSchema } from "../src/emit/draft.js";
import { anyOfPatterns } from "../src/schema/template-pattern.js";

/**
 * The pattern admitting what each of `strings` (string schemas) admits, when each holds nothing but
 * a pattern (a template literal type's) or string literals; undefined when one holds anything else
 * (a plain string admits any string), or there are none.
 */
export function patternOfStrings(strings: readonly DraftSchema[]): string | undefined {
  const alternatives: Array<string | string[]> = [];
  for (const m of strings) {
    const keys = Object.keys(m).filter(
      (k) => k !== "type" && k !== "description" && k !== ORIGIN && k !== TYPE_NAME,
    );
    if (keys.length !== 1) return undefined;
    if (keys[0] === "pattern" && typeof m.pattern === "string") alternatives.push(m.pattern);
    else if (keys[0] === "enum" && m.enum!.every((v) => typeof v === "string"))
      alternatives.push(m.enum as string[]);
    else return undefined;
  }
  return alternatives.length > 0 ? anyOfPatterns(alternatives) : undefined;
}
