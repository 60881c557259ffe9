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
