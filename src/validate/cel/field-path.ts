import type { JSONSchemaProps } from "../../schema/types.js";
import { additionalPropertiesSchema } from "./decl-type.js";

/**
 * A rule's `fieldPath` (".spec.replicas", ".labels['app.kubernetes.io/name']") must lead through
 * the schema's properties and map values, as Kubernetes' `ValidFieldPath` checks: `.name` or
 * `['quoted name']` steps, no list indices. Returns the field path in Kubernetes' printed form
 * (relative, e.g. `spec.labels[app]`) or an error message.
 */
export type FieldPathResult = { ok: true; segments: FieldPathSegment[] } | { ok: false; error: string };

export interface FieldPathSegment {
  name: string;
  /** True for a property, false for a map key. */
  named: boolean;
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
      continue;
    }
    if (c === "." || c === "[" || c === "]") {
      tokens.push(c);
      i++;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[" && path[j] !== "]") j++;
    tokens.push(path.slice(i, j));
    i = j;
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

export function validFieldPath(path: string, schema: JSONSchemaProps): FieldPathResult {
  const tokens = tokenize(path);
  const segments: FieldPathSegment[] = [];
  let node: JSONSchemaProps | undefined = schema;
  const step = (name: string): string | undefined => {
    if (!node) return "does not refer to a valid field";
    const ap = additionalPropertiesSchema(node);
    if (node.properties !== undefined) {
      const next = Object.hasOwn(node.properties, name) ? node.properties[name] : undefined;
      if (!next) return "does not refer to a valid field";
      segments.push({ name, named: true });
      node = next;
    } else if (ap) {
      segments.push({ name, named: false });
      node = ap;
    } else {
      return "does not refer to a valid field";
    }
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok === "[") {
      const quoted = tokens[++i];
      if (quoted === undefined) return { ok: false, error: "unexpected end of JSON path" };
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) {
        return { ok: false, error: `expected single quoted string but got ${quoted}` };
      }
      const name = unescape(quoted.slice(1, -1));
      if (name === undefined) return { ok: false, error: "invalid string literal" };
      const problem = step(name);
      if (problem) return { ok: false, error: problem };
      const close = tokens[++i];
      if (close === undefined) return { ok: false, error: "unexpected end of JSON path" };
      if (close !== "]") return { ok: false, error: `expected ] but got ${close}` };
    } else if (tok === ".") {
      const name = tokens[++i];
      if (name === undefined) return { ok: false, error: "unexpected end of JSON path" };
      const problem = step(name);
      if (problem) return { ok: false, error: problem };
    } else {
      return { ok: false, error: `expected [ or . but got: ${tok ?? ""}` };
    }
  }
  return { ok: true, segments };
}

/** Kubernetes' printed form of a path relative to the rule's node (`spec.labels[app]`). */
export function formatFieldPath(segments: readonly FieldPathSegment[]): string {
  let out = "";
  for (const s of segments) out += s.named ? (out ? `.${s.name}` : s.name) : `[${s.name}]`;
  return out;
}
