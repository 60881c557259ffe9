/**
 * Characters kubectl's YAML reader (go-yaml) refuses anywhere in a file: "yaml: control characters
 * are not allowed". The `yaml` package reads them as text, so a file holding one (a C0 control
 * other than tab and line breaks, DEL, a C1 control other than NEL, U+FFFE, U+FFFF) would pass
 * the check and then fail `kubectl apply` whole.
 */
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";

// go-yaml's reader takes #x9, #xA, #xD, #x20-#x7E, #x85, #xA0-#xD7FF, #xE000-#xFFFD and above.
const REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** The error for the first character of `text` kubectl's reader refuses, if any. */
export function refusedCharacter(file: string, text: string): Finding | undefined {
  const found = REFUSED.exec(text);
  if (!found) return undefined;
  const at = found.index;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return {
    file,
    line,
    column: at - lineStart + 1,
    endLine: line,
    endColumn: at - lineStart + 2,
    severity: "error",
    code: codes.yamlSyntax,
    path: "",
    type: "YAMLSyntax",
    message: `invalid YAML for kubectl: the control character U+${code} here is refused by its YAML reader ("control characters are not allowed"), which rejects the whole file`,
    hint: `write it escaped inside double quotes ("\\u${code.toLowerCase()}"), or remove it`,
  };
}
