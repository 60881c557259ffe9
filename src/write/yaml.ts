/**
 * YAML that every Kubernetes YAML reader reads the same way. kubectl (sigs.k8s.io/yaml)
 * reads YAML 1.1, where `y`, `no`, `on`, `0777` or `1:20` are not strings; any string a
 * 1.1 or 1.2 reader would take for something else is quoted.
 */
import { Document, isScalar, parse, visit, Scalar } from "yaml";

const YAML11 = { version: "1.1" as const, logLevel: "silent" as const };
const YAML12 = { logLevel: "silent" as const };

/**
 * Words of letters read back as themselves (unless YAML 1.1 booleans or null): every CRD repeats
 * `string`, `object`, `type`... Digits are left to the parsers: yaml's 1.1 reader takes `e0` for a float.
 */
const PLAIN_WORD = /^[A-Za-z]{2,}$/;
const YAML11_WORDS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL)$/;

/** True when a plain (unquoted) scalar with this text would not read back as this string. */
function needsQuotes(text: string): boolean {
  if (text === "" || text === "=" || text === "<<") return true;
  // A fast path for the common case; the parsers below decide everything else.
  if (PLAIN_WORD.test(text)) return YAML11_WORDS.test(text);
  try {
    return parse(text, YAML11) !== text || parse(text, YAML12) !== text;
  } catch {
    return true;
  }
}

export function toYaml(value: unknown): string {
  const doc = new Document(value, { version: "1.2" });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && !node.value.includes("\n") && needsQuotes(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
