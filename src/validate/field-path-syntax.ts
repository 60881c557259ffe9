/**
 * The grammar of Kubernetes' `ValidFieldPath` (`.a.b`, `.a['x.y']`), shared by rule
 * `fieldPath`s and selectable fields. Each step is handed to the caller, which resolves it
 * against its own kind of schema; like Kubernetes, a step that does not resolve stops the
 * walk before later syntax is looked at.
 */

/** Resolves one step (a property or map key); returns an error message when it cannot. */
export type FieldPathStep = (name: string) => string | undefined;

/** Walks `path`, calling `step` for each name; returns the first error, or undefined. */
export function walkFieldPath(
  path: string,
  step: FieldPathStep,
  allowArrayNotation = true,
): string | undefined {
  const tokens = tokenize(path);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === "[") {
      if (!allowArrayNotation) return "array notation is not allowed";
      const quoted = tokens[++i];
      if (quoted === undefined) return "unexpected end of JSON path";
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
        return `expected single quoted string but got ${quoted}`;
      }
      const name = unescape(quoted.slice(1, -1));
      if (name === undefined) return "invalid string literal";
      const problem = step(name);
      if (problem) return problem;
      const close = tokens[++i];
      if (close === undefined) return "unexpected end of JSON path";
      if (close !== "]") return `expected ] but got ${close}`;
    } else if (tok === ".") {
      const name = tokens[++i];
      if (name === undefined) return "unexpected end of JSON path";
      const problem = step(name);
      if (problem) return problem;
    } else {
      return `expected [ or . but got: ${tok}`;
    }
  }
  return undefined;
}

/** Splits on `.`, `[` and `]`, keeping single-quoted strings whole (Kubernetes' scanner). */
function tokenize(path: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === "'") {
      let j = i + 1;
      while (j < path.length && !(path[j] === "'" && path[j - 1] !== "\\")) j++;
      tokens.push(path.slice(i, Math.min(j + 1, path.length)));
      i = j + 1;
    } else if (c === "." || c === "[" || c === "]") {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[" && path[j] !== "]") j++;
      tokens.push(path.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

const ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

/** Go's `strconv.Unquote` rules for the inside of a quoted key. */
function unescape(text: string): string | undefined {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = text[++i];
    if (e === undefined) return undefined;
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
    if (hex > 0) {
      const digits = text.slice(i + 1, i + 1 + hex);
      if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) return undefined;
      out += String.fromCodePoint(parseInt(digits, 16));
      i += hex;
      continue;
    }
    if (/[0-7]/.test(e)) {
      const digits = text.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      out += String.fromCharCode(parseInt(digits, 8));
      i += 2;
      continue;
    }
    return undefined;
  }
  return out;
}
