/**
 * Kubernetes' escaping of property names into CEL identifiers (apiserver/pkg/cel/escaping.go):
 * `__` → `__underscores__`, `.` → `__dot__`, `-` → `__dash__`, `/` → `__slash__`, and a name equal
 * to a CEL reserved word → `__word__`. Names with any other character are not exposed to CEL.
 */

export const CEL_RESERVED_SYMBOLS: ReadonlySet<string> = new Set([
  "true",
  "false",
  "null",
  "in",
  "as",
  "break",
  "const",
  "continue",
  "else",
  "for",
  "function",
  "if",
  "import",
  "let",
  "loop",
  "package",
  "namespace",
  "return",
  "var",
  "void",
  "while",
]);

/** Reserved words the CEL grammar itself rejects after a dot, so no environment can expose them. */
export const CEL_LEXER_KEYWORDS: ReadonlySet<string> = new Set(["true", "false", "null", "in"]);

const ALLOWED = /^[a-zA-Z0-9_./-]*$/;

export function escapeCelName(name: string): string | undefined {
  if (isPlainIdentifier(name) && !CEL_RESERVED_SYMBOLS.has(name)) return name;
  if (name.length === 0 || /^[0-9]/.test(name)) return undefined;
  if (CEL_RESERVED_SYMBOLS.has(name)) return `__${name}__`;
  if (!ALLOWED.test(name)) return undefined;
  return name.replace(/__|[./-]/g, (part) => {
    switch (part) {
      case "__":
        return "__underscores__";
      case ".":
        return "__dot__";
      case "-":
        return "__dash__";
      default:
        return "__slash__";
    }
  });
}

/**
 * Letters, digits and single underscores, not starting with a digit: a name that escaping leaves
 * as it is, unless it is reserved (left to the general rules below). Most field names are; a loop
 * over their characters spares them the regular expressions and the `replace` (called for every
 * property a rule or a default can see).
 */
function isPlainIdentifier(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  const first = name.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return false;
  let underscore = false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c === 0x5f) {
      if (underscore) return false;
      underscore = true;
      continue;
    }
    underscore = false;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) return false;
  }
  return true;
}
