/**
 * A value keyword on a type it does not apply to: `maxLength` on an integer, `minimum` on a
 * string, `maxItems` on an object. Kubernetes applies each to values of one JSON type only, and
 * accepts it anywhere: elsewhere it checks nothing. (crdgen refuses such tags, CRD3006.)
 */
import {
  KEYWORD_KINDS,
  kindOfType,
  type KindedKeyword,
  type ValueKind,
} from "../../schema/kinded-keywords.js";
import type { LintRule } from "./rule.js";

const KEYWORDS = Object.keys(KEYWORD_KINDS) as KindedKeyword[];

const KIND_WORDS: Record<ValueKind, string> = {
  string: "strings",
  number: "numbers",
  array: "lists",
  object: "objects and maps",
};

/** The keyword of the same meaning for another kind: the count of characters, items or entries. */
const COUNTS: Record<"min" | "max", Partial<Record<ValueKind, string>>> = {
  min: { string: "minLength", array: "minItems", object: "minProperties", number: "minimum" },
  max: { string: "maxLength", array: "maxItems", object: "maxProperties", number: "maximum" },
};

export const keywordType: LintRule = {
  name: "keyword-type",
  keys: KEYWORDS,
  node({ node, type, intOrString }, report) {
    // An int-or-string's keywords apply to its strings or its numbers; no type, to any value.
    if (type === undefined || intOrString) return;
    const kind = kindOfType(type);
    for (const keyword of KEYWORDS) {
      if (node[keyword] === undefined || KEYWORD_KINDS[keyword] === kind) continue;
      report(
        [keyword],
        "key",
        `${keyword} checks nothing on type ${type}: Kubernetes applies it to ${KIND_WORDS[KEYWORD_KINDS[keyword]]} only.`,
        hintFor(keyword, kind, node),
      );
    }
  },
};

function hintFor(
  keyword: KindedKeyword,
  kind: ValueKind | undefined,
  node: Readonly<Record<string, unknown>>,
): string {
  const wanted = KEYWORD_KINDS[keyword];
  const inner =
    kind === "array" ? node["items"] : kind === "object" ? node["additionalProperties"] : undefined;
  const innerType =
    typeof inner === "object" && inner !== null && "type" in inner && typeof inner.type === "string"
      ? inner.type
      : undefined;
  if (innerType !== undefined && kindOfType(innerType) === wanted)
    return `to check each ${kind === "array" ? "item" : "value"}, move it under ${kind === "array" ? "items" : "additionalProperties"}`;
  const bound = keyword.startsWith("min") ? "min" : keyword.startsWith("max") ? "max" : undefined;
  const counterpart = bound !== undefined && kind !== undefined ? COUNTS[bound][kind] : undefined;
  if (counterpart !== undefined) return `did you mean ${counterpart}?`;
  if (wanted === "number" && kind === "string")
    return "Kubernetes does not compare a number in a string: use type: integer (or number), or a pattern";
  return `remove it, or move it to a field that holds ${KIND_WORDS[wanted]}`;
}
