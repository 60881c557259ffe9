/**
 * Problems of one declaration's tags taken together: each tag parses, but with another one it
 * repeats a value or contradicts it. Each problem is placed at the later of the two tags, the
 * one to remove or change. (A non-repeatable tag given twice is caught when tags are read.)
 */
import { tagRegistry } from "./index.js";
import type { AppliedTag } from "./registry.js";

export interface TagProblem {
  /** The tag the problem is reported at. */
  tag: AppliedTag;
  message: string;
  hint?: string;
}

/**
 * Values of a repeatable tag that must differ (see `distinct` in the registry): the same short
 * name twice, an annotation key given two values, two columns of one name.
 */
export function repeatedValues(tags: readonly AppliedTag[]): TagProblem[] {
  const out: TagProblem[] = [];
  const seen = new Map<string, AppliedTag>();
  for (const tag of tags) {
    const distinct = tagRegistry.get(tag.name)?.distinct;
    if (!distinct) continue;
    const key = distinct.by(tag.value);
    // Keyed by tag and distinct part in a Map, where any text (`__proto__` too) is an ordinary key.
    const id = `${tag.name}\u0000${key}`;
    const first = seen.get(id);
    if (!first) {
      seen.set(id, tag);
      continue;
    }
    const same = JSON.stringify(first.value) === JSON.stringify(tag.value);
    out.push({
      tag,
      message: `@${tag.name} ${key} is given more than once${same ? "" : ", with a different value"}${firstAt(first)}.`,
      hint: same ? "remove the repeated tag" : (distinct.hint ?? "keep one of them"),
    });
  }
  return out;
}

/**
 * For the tag reader (read/tags.ts), which sees each declaration's tags together: tags that set
 * the same keyword, where the last one written would silently win:
 * `@exclusiveMinimum 1` with `@minimum 0` (both set the minimum), `@mapType atomic` with
 * `@structType granular`, and `@uniqueItems` (a set) with `@listType atomic` or `map` (not a set).
 */
export function conflictingTags(tags: readonly AppliedTag[]): TagProblem[] {
  const out: TagProblem[] = [];
  for (const bound of ["minimum", "maximum"] as const) {
    const exclusive = bound === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
    // The flag form (`@exclusiveMinimum` or `true`) only qualifies the bound: that is fine.
    const numbered = tags.find((t) => t.name === exclusive && typeof t.value === "number");
    const plain = tags.find((t) => t.name === bound);
    if (!numbered || !plain) continue;
    const n = String(numbered.value);
    const m = String(plain.value);
    const sign = bound === "minimum" ? ">" : "<";
    out.push({
      tag: later(numbered, plain, tags),
      message: `@${exclusive} ${n} and @${bound} ${m} both set the ${bound}.`,
      hint: `write @${bound} ${n} @${exclusive} for ${sign} ${n}, or @${bound} ${m} alone for ${sign}= ${m}`,
    });
  }
  out.push(...emptyRanges(tags));
  const mapType = tags.find((t) => t.name === "mapType");
  const structType = tags.find((t) => t.name === "structType");
  if (mapType && structType && mapType.value !== structType.value) {
    out.push({
      tag: later(mapType, structType, tags),
      message: `@mapType ${String(mapType.value)} and @structType ${String(structType.value)} both set x-kubernetes-map-type.`,
      hint: "keep @mapType on a map, @structType on an object with properties",
    });
  }
  const unique = tags.find((t) => t.name === "uniqueItems");
  const listType = tags.find((t) => t.name === "listType" && t.value !== "set");
  if (unique && listType) {
    const map = listType.value === "map";
    out.push({
      tag: later(unique, listType, tags),
      message: `@uniqueItems makes the list a set, but @listType ${String(listType.value)} says it is ${map ? "a list-map" : "not one"}.`,
      hint: map
        ? "remove @uniqueItems: a list-map's items are already unique by their @listMapKey"
        : "remove @listType atomic for a set of scalars, or @uniqueItems for a list that may repeat items",
    });
  }
  return out;
}

/** Bounds that pair up: a lower one above the upper one leaves no value, which no tag meant. */
const RANGES = [
  ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
  ["minLength", "maxLength"],
  ["minItems", "maxItems"],
  ["minProperties", "maxProperties"],
] as const;

/**
 * `@minLength 5 @maxLength 3`, `@minimum 10 @maximum 1`, `@exclusiveMinimum 1 @maximum 1`: the
 * API server accepts such a schema, and then refuses every value (an optional field can only
 * be left out).
 */
function emptyRanges(tags: readonly AppliedTag[]): TagProblem[] {
  const out: TagProblem[] = [];
  for (const [low, high, lowExclusive, highExclusive] of RANGES) {
    const bound = (name: string | undefined) =>
      name === undefined ? undefined : tags.find((t) => t.name === name && typeof t.value === "number");
    const lower = bound(low) ?? bound(lowExclusive);
    const upper = bound(high) ?? bound(highExclusive);
    if (!lower || !upper) continue;
    const open = (name: string | undefined) => name !== undefined && tags.some((t) => t.name === name);
    const from = lower.value as number;
    const to = upper.value as number;
    if (from < to || (from === to && !open(lowExclusive) && !open(highExclusive))) continue;
    out.push({
      tag: later(lower, upper, tags),
      message: `@${lower.name} ${from} and @${upper.name} ${to} leave no value that fits both: the API server would refuse every value.`,
      hint:
        from > to ? `did you mean @${lower.name} ${to} and @${upper.name} ${from}?` : "make the range wider",
    });
  }
  return out;
}

function later(a: AppliedTag, b: AppliedTag, tags: readonly AppliedTag[]): AppliedTag {
  return tags.indexOf(a) > tags.indexOf(b) ? a : b;
}

function firstAt(first: AppliedTag): string {
  return first.origin ? ` (first at line ${first.origin.line})` : "";
}
