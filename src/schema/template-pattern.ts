/**
 * A `pattern` for a TypeScript template literal type (`` `${number}Mi` ``, `` `arn:aws:${string}` ``):
 * its literal text, in order, with anything between. A placeholder matches any text, even where
 * TypeScript is stricter (`${number}`, `${bigint}`, `Uppercase<string>`): the pattern accepts every
 * string the type does, and more only inside placeholders, so no value TypeScript accepts is
 * rejected by the API server. The regular expression means the same to Go's RE2 (Kubernetes), to
 * ECMAScript (ajv, editors) and to re2js (crdgen's own validator).
 *
 *   `${number}Mi`          -> Mi$
 *   `arn:aws:${string}`    -> ^arn:aws:
 *   `a.${string}.b`        -> ^a\.[\s\S]*\.b$
 *   `${string}`            -> no pattern (any string)
 */

/** Any text, line breaks included (`.` stops at them in both RE2 and ECMAScript). */
const ANY = "[\\s\\S]*";

/**
 * The pattern of a template whose literal parts are `texts` (one more than its placeholders, as
 * TypeScript keeps them: `texts[i]` comes before placeholder i); undefined when it would allow any
 * string.
 */
export function templatePattern(texts: readonly string[]): string | undefined {
  const literal = texts.filter((t) => t !== "");
  if (literal.length === 0) return undefined;
  const holes = texts.length - 1;
  if (holes === 0) return `^${escapeRegExp(texts[0]!)}$`;
  // Anchored at an end only where the template begins or ends with text, not with a placeholder.
  const start = texts[0] !== "" ? "^" : "";
  const end = texts[texts.length - 1] !== "" ? "$" : "";
  return start + literal.map(escapeRegExp).join(ANY) + end;
}

/** `text` matched literally: every character with a meaning in RE2 or ECMAScript escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, "\\$&");
}

/**
 * One pattern accepting what any of `alternatives` accepts: each a pattern, or a list of exact
 * strings (the values of an enum).
 */
export function anyOfPatterns(alternatives: ReadonlyArray<string | readonly string[]>): string {
  const [only] = alternatives;
  if (alternatives.length === 1 && typeof only === "string") return only;
  return alternatives
    .map((a) => (typeof a === "string" ? `(?:${a})` : `^(?:${a.map(escapeRegExp).join("|")})$`))
    .join("|");
}
