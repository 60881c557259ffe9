/**
 * What to change in the TypeScript when Kubernetes rejects a generated CRD. Kubernetes' own words
 * are kept as the message (they are what the API server would answer); a few of them speak of
 * the schema in terms no tag or type uses, and one calls a user's mistake an "internal error".
 * Those get a hint in crdgen's terms.
 */
import { isDNS1035Label } from "../validate/dns.js";
import type { FieldError } from "../validate/field-error.js";
import { GoStruct } from "../validate/go-print.js";

interface RejectionHint {
  /** Whether Kubernetes' error is this case. */
  matches(error: FieldError): boolean;
  hint: string | ((error: FieldError) => string);
}

const HINTS: readonly RejectionHint[] = [
  {
    // `@shortName WD`: Kubernetes' words are a regular expression; the fix is the same name in lower case.
    matches: (e) => e.detail.startsWith("a DNS-1035 label must consist") && lowerCaseLabel(e) !== undefined,
    hint: (e) => `write it in lower case: ${lowerCaseLabel(e)!}`,
  },
  {
    // A rule on `unknown`/`any` (x-kubernetes-preserve-unknown-fields with no type): CEL has no
    // type to check it against, and Kubernetes reports that as an internal error.
    matches: (e) => e.detail.includes("failed to construct type information for x-kubernetes-validations"),
    hint: "a CEL rule (@validation, @exactlyOneOf...) needs the field's type, and an unknown or any field has none: give the field a type, or put the rule on its parent",
  },
  {
    // CEL's words for a rule naming a field the object lacks: often a one-of tag's typo.
    matches: (e) => e.detail.startsWith("compilation failed:") && e.detail.includes("undefined field '"),
    hint: "the rule names a field this object does not have: check the names in @validation, @exactlyOneOf, @atMostOneOf or @atLeastOneOf against the type's properties",
  },
  {
    // `'too many: ' + string(self.replicas)`, as Kubernetes' own docs write it: cel-go's estimate
    // gives string(int) (and every conversion but bytes <-> string) no size bound.
    matches: (e) =>
      e.field.endsWith(".messageExpression") &&
      e.detail.startsWith("estimated messageExpression cost exceeds budget"),
    hint: "Kubernetes' estimate gives string(x) of a number, a duration or a timestamp no length bound, and a concatenation of strings without @maxLength none either: write the message with format, e.g. 'too many: %d'.format([self.replicas]) (%s for any value), and give the strings it uses a @maxLength",
  },
  {
    // Every version declares the same @selectableField: Kubernetes moves them to the CRD's spec,
    // where they need the one schema all versions share, and these versions' schemas differ.
    matches: (e) =>
      e.field === "spec.selectableFields" &&
      e.detail.includes("may only be set when validations.schema is included"),
    hint: "Kubernetes moves selectable fields that every version declares alike to the CRD's spec, where they need one schema for all versions, and these versions' schemas differ: declare them on fewer versions (the storage version, say), or make the schemas the same",
  },
  {
    matches: (e) => e.detail === "must be atomic as item of a list with x-kubernetes-list-type=set",
    hint: "a set's items must be scalars or atomic: tag the item type @structType atomic (an object with fields), @mapType atomic (a map) or @listType atomic (a list), or make the list a list-map (@listType map with @listMapKey)",
  },
  {
    // `@listType set` on a string: the tag is for a list, and Kubernetes' words name no tag.
    matches: (e) => e.detail === "must be array if x-kubernetes-list-type is specified",
    hint: "@listType (and @listMapKey) belong on a list: put them on a field whose type is an array (T[]), or remove them",
  },
  {
    matches: (e) => e.detail === "must be object if x-kubernetes-map-type is specified",
    hint: "@mapType belongs on a map or an object: put it on a field whose type is Record<string, T> or an interface, or remove it",
  },
  {
    // `@listType map` on a field that is no list: the missing items follow from the wrong type.
    matches: (e) => e.detail === "must have a schema if x-kubernetes-list-type is map",
    hint: "@listType map belongs on a list of objects (T[]), each keyed by its @listMapKey properties",
  },
  {
    // `@validation "self.a > 0"`: a bare argument is the rule, so its quotes make it a CEL string.
    matches: (e) => e.detail === "cel expression must evaluate to a bool" && quotedRule(e) !== undefined,
    hint: (e) =>
      `the rule is in quotes without rule=, so CEL reads it as a string: write @validation rule=${quotedRule(e)!} (or the rule bare, without quotes)`,
  },
  {
    // `@listMapKey type` alone (or beside `@listType set`), as Go's `+listMapKey` is often pasted
    // without its `+listType=map`: Kubernetes' words name the keyword, not the tag that is missing.
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-type") &&
      e.detail === "must be map if x-kubernetes-list-map-keys is non-empty",
    hint: (e) =>
      e.type === "FieldValueRequired"
        ? "@listMapKey keys a list-map: write @listType map beside it"
        : `@listMapKey keys a list-map: write @listType map instead of @listType ${String(e.badValue)} (or drop the @listMapKey tags)`,
  },
  {
    // `@listMapKey name` with `name?: string`: Kubernetes words it as a missing default, which
    // the generic @default hint below would misread as a bad one.
    matches: (e) =>
      e.detail.startsWith("this property is in x-kubernetes-list-map-keys, so it must have a default"),
    hint: (e) =>
      `every item of a list-map needs its keys: make ${listMapKey(e)} required (drop the \`?\`) or give it a @default`,
  },
  {
    matches: (e) => e.detail === "this property is in x-kubernetes-list-map-keys, so it cannot be nullable",
    hint: (e) => `a list-map's key cannot be null: drop \`| null\` (or @nullable) from ${listMapKey(e)}`,
  },
  {
    // `@listMapKey username` when the items have `name`.
    matches: (e) =>
      e.field.endsWith(".x-kubernetes-list-map-keys") &&
      e.detail === "entries must all be names of item properties",
    hint: "each @listMapKey must name a property of the list's item type, as spelled there",
  },
  {
    // `@default "3"` on a number: Kubernetes' "in body must be of type number" names no tag.
    matches: (e) => isDefault(e) && /must be of type \w+/.test(e.detail),
    hint: '@default takes JSON, and its value must have the field\'s type: a number or boolean without quotes (@default 3, @default true), a string with them (@default "3")',
  },
  {
    matches: (e) => isDefault(e),
    hint: "the @default value breaks a rule of the field's own type (an enum, a bound, a pattern): give a @default the field accepts",
  },
];

/** An error in a schema's `default`, which crdgen writes from a @default tag. */
function isDefault(error: FieldError): boolean {
  return /\]\.default(\b|$)/.test(error.field);
}

/** The rule of an error about a `@validation` rule written as one quoted string, quotes and all. */
function quotedRule(error: FieldError): string | undefined {
  if (!(error.badValue instanceof GoStruct)) return undefined;
  const rule = error.badValue.fields.find(([name]) => name === "Rule")?.[1];
  return typeof rule === "string" && /^(["']).*\1$/s.test(rule.trim()) ? rule.trim() : undefined;
}

/** The key property an error about `...items.properties[<name>].default` (or `.nullable`) names, as a hint says it. */
function listMapKey(error: FieldError): string {
  const name = /\.items\.properties\[([^\]]+)\]\.(default|nullable)$/.exec(error.field)?.[1];
  return name === undefined ? "the key field" : `\`${name}\``;
}

/** The bad value in lower case, when that makes it a valid DNS-1035 label. */
function lowerCaseLabel(error: FieldError): string | undefined {
  if (typeof error.badValue !== "string") return undefined;
  const lower = error.badValue.toLowerCase();
  return lower !== error.badValue && isDNS1035Label(lower).length === 0 ? lower : undefined;
}

/** crdgen's hint for a Kubernetes error about a generated CRD, if it has one. */
export function rejectionHint(error: FieldError): string | undefined {
  const hint = HINTS.find((h) => h.matches(error))?.hint;
  return typeof hint === "function" ? hint(error) : hint;
}
