/**
 * Go's printing of values, as Kubernetes error messages show them: `strconv.Quote` for
 * strings, `encoding/json` for composite values (sorted map keys, HTML-safe escapes).
 */

/** A Go struct: printed with its fields in declaration order (unlike a map, whose keys Go sorts). */
export class GoStruct {
  constructor(readonly fields: ReadonlyArray<readonly [string, unknown]>) {}
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** `strconv.Quote`: escapes quotes, backslashes and non-printable runes; keeps printable Unicode. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\u0007":
        out += "\\a";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\v":
        out += "\\v";
        continue;
    }
    if (PRINTABLE.test(ch)) out += ch;
    else if (code < 0x80) out += "\\x" + code.toString(16).padStart(2, "0");
    else if (code < 0x10000) out += "\\u" + code.toString(16).padStart(4, "0");
    else out += "\\U" + code.toString(16).padStart(8, "0");
  }
  return out + '"';
}

/** A float as Go's `%v` / JSON encoder print it (exponents have at least two digits). */
export function goNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(n).replace(/e([+-])(\d)$/, "e$10$2");
}

function jsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** `encoding/json.Marshal` of a decoded JSON value or a GoStruct. Depth-bounded so cyclic input cannot hang. */
export function goJson(value: unknown, depth = 0): string {
  if (depth > 200) return "null";
  if (value === null || value === undefined) return "null";
  if (value instanceof GoStruct) {
    return "{" + value.fields.map(([k, v]) => `${jsonString(k)}:${goJson(v, depth + 1)}`).join(",") + "}";
  }
  switch (typeof value) {
    case "string":
      return jsonString(value);
    case "number":
      return goNumber(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "object": {
      if (Array.isArray(value)) return "[" + value.map((v) => goJson(v, depth + 1)).join(",") + "]";
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      return "{" + keys.map((k) => `${jsonString(k)}:${goJson(obj[k], depth + 1)}`).join(",") + "}";
    }
    default:
      return "null";
  }
}

/** How `field.Error` prints a bad value: simple types plainly, strings quoted, the rest as JSON. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number") return goNumber(value);
  if (typeof value === "boolean") return String(value);
  return goJson(value);
}
