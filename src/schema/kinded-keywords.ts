/**
 * Keywords that Kubernetes checks on values of one JSON type only. The API server accepts
 * `maxLength` on an array or `minimum` on a string and then never checks them, so a tag that
 * puts one there looks like a constraint and constrains nothing. controller-gen refuses such
 * markers ("must apply maxlength to a string"); transforms/unsupported-keywords.ts reports them.
 */
import type { JSONSchemaProps } from "./types.js";
import { isPlainObject } from "../validate/json.js";

/** The kinds of value these keywords apply to ("integer" and "number" are one kind here). */
export type ValueKind = "string" | "number" | "array" | "object";

/**
 * Each keyword with the kind of value it constrains. `uniqueItems` is not here: set-lists turns
 * it into `x-kubernetes-list-type: set`, which Kubernetes itself refuses on anything but a list.
 */
export const KEYWORD_KINDS = {
  minLength: "string",
  maxLength: "string",
  pattern: "string",
  minimum: "number",
  maximum: "number",
  exclusiveMinimum: "number",
  exclusiveMaximum: "number",
  multipleOf: "number",
  minItems: "array",
  maxItems: "array",
  minProperties: "object",
  maxProperties: "object",
} as const satisfies Record<string, ValueKind>;

export type KindedKeyword = keyof typeof KEYWORD_KINDS;

/** What these functions read of a schema node: a draft's or a final one's. */
export type KindedNode = Pick<JSONSchemaProps, KindedKeyword | "type"> & {
  items?: unknown;
  additionalProperties?: unknown;
};

const KINDED_KEYWORDS = Object.keys(KEYWORD_KINDS) as KindedKeyword[];

const KIND_OF_TYPE: Readonly<Record<string, ValueKind>> = {
  string: "string",
  number: "number",
  integer: "number",
  array: "array",
  object: "object",
};

/** The values of each kind, in a sentence. */
export const KIND_WORDS: Readonly<Record<ValueKind, string>> = {
  string: "strings",
  number: "numbers",
  array: "lists",
  object: "objects and maps",
};

/** The kind of value a schema `type` holds; undefined for `boolean` and unknown types. */
export function kindOfType(type: string): ValueKind | undefined {
  return Object.hasOwn(KIND_OF_TYPE, type) ? KIND_OF_TYPE[type] : undefined;
}

/**
 * The keywords on `node` that its `type` makes meaningless. A node without a `type` (an
 * int-or-string, `x-kubernetes-preserve-unknown-fields`, a union's branches) holds values of
 * several kinds, and Kubernetes checks each keyword on the values it fits: none are reported.
 */
export function misfitKeywords(node: KindedNode): KindedKeyword[] {
  const type = node.type;
  if (type === undefined) return [];
  const kind = kindOfType(type);
  return KINDED_KEYWORDS.filter((k) => node[k] !== undefined && KEYWORD_KINDS[k] !== kind);
}

/**
 * The sentence saying why `keyword` does nothing on `node`. Each of these keywords is written
 * with the tag of the same name, so the message names the tag.
 */
export function misfitMessage(keyword: KindedKeyword, node: KindedNode): string {
  return `@${keyword} does nothing on type ${node.type}: Kubernetes checks it only on ${KIND_WORDS[KEYWORD_KINDS[keyword]]}.`;
}

/** Same-meaning keywords for the other kinds: the count of characters, items or entries, or the value. */
const BOUNDS: Record<"min" | "max", Record<ValueKind, KindedKeyword>> = {
  min: { string: "minLength", array: "minItems", object: "minProperties", number: "minimum" },
  max: { string: "maxLength", array: "maxItems", object: "maxProperties", number: "maximum" },
};

/** The keyword bounding values of `kind` as `keyword` bounds its own (`maxItems` for `maxLength` on a list). */
export function boundFor(keyword: KindedKeyword, kind: ValueKind | undefined): KindedKeyword | undefined {
  const bound = keyword.startsWith("min") ? "min" : keyword.startsWith("max") ? "max" : undefined;
  return bound !== undefined && kind !== undefined ? BOUNDS[bound][kind] : undefined;
}

/** What the author likely meant: the count keyword of the node's kind, or a tag on its items. */
export function misfitHint(keyword: KindedKeyword, node: KindedNode): string {
  const hints: string[] = [];
  const kind = node.type === undefined ? undefined : kindOfType(node.type);
  const counterpart = boundFor(keyword, kind);
  // A count says nothing like a number's bound, nor a number's bound like a count.
  if (counterpart !== undefined && KEYWORD_KINDS[keyword] !== "number" && kind !== "number") {
    hints.push(
      `for the ${kind === "array" ? "number of items" : kind === "object" ? "number of entries" : "length"}, use @${counterpart}`,
    );
  }
  const wanted = KEYWORD_KINDS[keyword];
  const inner = kind === "array" ? node.items : kind === "object" ? node.additionalProperties : undefined;
  const innerType = isPlainObject(inner) && typeof inner["type"] === "string" ? inner["type"] : undefined;
  if (innerType !== undefined && kindOfType(innerType) === wanted) {
    const what = kind === "array" ? "item" : "value";
    const example = wanted === "string" ? "string" : wanted === "number" ? "number" : undefined;
    hints.push(
      `to constrain each ${what}, tag the ${what} type instead` +
        (example ? ` (\`/** @${keyword} ... */ type Name = ${example};\`)` : ""),
    );
  }
  return hints.length > 0
    ? hints.join("; ")
    : `remove the tag, or move it to a field that holds ${KIND_WORDS[wanted]}`;
}
