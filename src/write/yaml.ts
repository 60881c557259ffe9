/**
 * YAML that every Kubernetes YAML reader reads the same way. The yaml library already quotes
 * what a YAML 1.2 reader would misread; kubectl (sigs.k8s.io/yaml) reads YAML 1.1, where
 * `y`, `no`, `on`, `0777`, `1:20` or `2024-01-01` are not strings, so those are quoted too.
 */
import { Document, isScalar, visit, Scalar } from "yaml";

/** YAML 1.1's booleans, nulls, merge key and value key, as plain scalars. */
const YAML11_WORDS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|=|<<)$/;
/**
 * Anything shaped like a YAML 1.1 int or float: decimal with `_`, sexagesimal `1:20`, exponents.
 * Deliberately loose (it also matches `.`, `+`, `e0`): a needless quote is harmless, and some
 * 1.1 readers (the yaml package's) read those as numbers.
 */
const NUMBER_LIKE = /^[-+]?(?:[0-9][0-9_:]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/;
const RADIX_INT = /^[-+]?0(?:b[01_]+|x[0-9a-fA-F_]+|o?[0-7_]+)$/;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/;
const TIMESTAMP = /^[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:$|[Tt \t])/;

/** True when YAML 1.1 would read this plain scalar as something other than this string. */
export function misreadByYaml11(text: string): boolean {
  return (
    text === "" ||
    YAML11_WORDS.test(text) ||
    NUMBER_LIKE.test(text) ||
    RADIX_INT.test(text) ||
    SPECIAL_FLOAT.test(text) ||
    TIMESTAMP.test(text)
  );
}

export function toYaml(value: unknown): string {
  const doc = new Document(value, { version: "1.2" });
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === "string" && !node.value.includes("\n") && misreadByYaml11(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false });
}
