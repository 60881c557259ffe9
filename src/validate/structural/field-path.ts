/**
 * `cel.ValidFieldPath`: resolves a simple JSON path (`.a.b`, `.a['x.y']`) against a structural
 * schema. Used for `x-kubernetes-validations[].fieldPath` and for selectable fields.
 */
import { own } from "../json.js";
import type { Structural } from "./types.js";

export type FieldPathResult =
  | { ok: true; segments: string[]; schema: Structural | undefined; path: string }
  | { ok: false; error: string };

/** Splits into '.', '[' and ']' delimiters and the text between them; a quoted string is one token. */
function tokenize(jsonPath: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < jsonPath.length) {
    const c = jsonPath[i]!;
    if (c === "'") {
      let j = i + 1;
      while (j < jsonPath.length && !(jsonPath[j] === "'" && jsonPath[j - 1] !== "\\")) j++;
      tokens.push(jsonPath.slice(i, Math.min(j + 1, jsonPath.length)));
      i = j + 1;
    } else if (c === "." || c === "[" || c === "]") {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < jsonPath.length && !".[]".includes(jsonPath[j]!)) j++;
      tokens.push(jsonPath.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

const ESCAPES: Record<string, string> = {
  a: "\u0007",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "'": "'",
  "\\": "\\",
};

function unescapeSingleQuote(s: string): { ok: true; value: string } | { ok: false; error: string } {
  let bad: string | undefined;
  const value = s.replace(/\\[\s\S]/g, (m) => {
    const r = ESCAPES[m[1]!];
    if (r === undefined) bad ??= m;
    return r ?? "";
  });
  return bad
    ? { ok: false, error: `invalid string literal: invalid escape char ${bad}` }
    : { ok: true, value };
}

/** Kubernetes field.Path text of the resolved path (Child for properties, Key for map entries). */
export function validFieldPath(
  jsonPath: string,
  root: Structural,
  allowArrayNotation = true,
): FieldPathResult {
  const tokens = tokenize(jsonPath);
  let schema: Structural | undefined = root;
  let path = "";
  const segments: string[] = [];
  const step = (name: string): string | undefined => {
    if (!schema) return "does not refer to a valid field";
    if (schema.properties) {
      const next: Structural | undefined = own(schema.properties, name);
      if (!next) return "does not refer to a valid field";
      path = path ? `${path}.${name}` : name;
      schema = next;
    } else if (schema.generic.additionalProperties) {
      path = `${path}[${name}]`;
      schema = schema.generic.additionalProperties.structural;
    } else {
      return "does not refer to a valid field";
    }
    segments.push(name);
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok === "[") {
      if (!allowArrayNotation) return { ok: false, error: "array notation is not allowed" };
      const quoted = tokens[++i];
      if (quoted === undefined) return { ok: false, error: "unexpected end of JSON path" };
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
        return { ok: false, error: `expected single quoted string but got ${quoted}` };
      }
      const un = unescapeSingleQuote(quoted.slice(1, -1));
      if (!un.ok) return { ok: false, error: un.error };
      const err = step(un.value);
      if (err) return { ok: false, error: err };
      const close = tokens[++i];
      if (close === undefined) return { ok: false, error: "unexpected end of JSON path" };
      if (close !== "]") return { ok: false, error: `expected ] but got ${close}` };
    } else if (tok === ".") {
      const name = tokens[++i];
      if (name === undefined) return { ok: false, error: "unexpected end of JSON path" };
      const err = step(name);
      if (err) return { ok: false, error: err };
    } else {
      return { ok: false, error: `expected [ or . but got: ${tok}` };
    }
  }
  return { ok: true, segments, schema, path };
}
