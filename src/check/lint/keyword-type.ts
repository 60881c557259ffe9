/**
 * A value keyword on a type it does not apply to: `maxLength` on an integer, `minimum` on a
 * string, `maxItems` on an object. Kubernetes applies each to values of one JSON type only, and
 * accepts it anywhere: elsewhere it checks nothing. (crdgen refuses such tags, CRD3006.)
 */
import {
  boundFor,
  KEYWORD_KINDS,
  KIND_WORDS,
  kindOfType,
  misfitKeywords,
  type KindedKeyword,
  type ValueKind,
} from "../../schema/kinded-keywords.js";
import type { LintRule } from "./rule.js";

export const keywordType: LintRule = {
  name: "keyword-type",
  keys: Object.keys(KEYWORD_KINDS),
  node({ node, type, intOrString }, report) {
    // An int-or-string's keywords apply to its strings or its numbers; no type, to any value.
    if (type === undefined || intOrString) return;
    const kind = kindOfType(type);
    for (const keyword of misfitKeywords({ ...node, type })) {
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
  const counterpart = boundFor(keyword, kind);
  if (counterpart !== undefined) return `did you mean ${counterpart}?`;
  if (wanted === "number" && kind === "string")
    return "Kubernetes does not compare a number in a string: use type: integer (or number), or a pattern";
  return `remove it, or move it to a field that holds ${KIND_WORDS[wanted]}`;
}
