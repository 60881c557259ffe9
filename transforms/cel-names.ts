/**
 * Property names as Kubernetes exposes them to CEL (apiserver's escaping rules): `__`,
 * `.`, `-` and `/` are spelt out, and CEL keywords are wrapped, so `my-field` is
 * `self.my__dash__field`. Used by transforms that write rules.
 */

const RESERVED = new Set([
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

const ESCAPABLE = /^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$/;

/** The CEL field name for a property, or the property itself when it needs no escaping. */
export function celField(property: string): string {
  if (RESERVED.has(property)) return `__${property}__`;
  if (!ESCAPABLE.test(property)) return property;
  return property
    .replace(/__/g, "__underscores__")
    .replace(/\./g, "__dot__")
    .replace(/-/g, "__dash__")
    .replace(/\//g, "__slash__");
}
