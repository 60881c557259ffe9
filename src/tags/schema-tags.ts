/**
 * Tags that shape a schema. Names follow ts-json-schema-generator where they overlap,
 * so types annotated for it keep working.
 */
import type { DraftSchema } from "../emit/draft.js";
import {
  fail,
  ok,
  oneLine,
  parseChoice,
  parseCount,
  parseFlag,
  parseJson,
  parseKeyValues,
  parseNumber,
  parsePositive,
  parseText,
  parseWord,
  unknownKeys,
} from "./parse.js";
import type { ValidationRule } from "../schema/types.js";
import { compileRe2 } from "../validate/cel/re2.js";
import { parsesAsCel } from "../validate/cel/syntax.js";
import { anchoredPattern, matchesEveryString } from "../validate/value/patterns.js";
import { markerHint, readMarker } from "./controller-gen-markers.js";
import { defineTag, type RegisteredTag, type TagParseResult, type TagTarget } from "./registry.js";

const VALUE: readonly TagTarget[] = ["type", "field"];

function numberTag(
  name: "minimum" | "maximum" | "multipleOf",
  summary: string,
  parse: (text: string) => TagParseResult<number> = parseNumber,
): RegisteredTag {
  return defineTag({
    name,
    targets: VALUE,
    summary,
    syntax: `@${name} <number>`,
    parse,
    schema: (s, v) => void (s[name] = v),
  });
}

function countTag(
  name: "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties" | "maxProperties",
  summary: string,
): RegisteredTag {
  return defineTag({
    name,
    targets: VALUE,
    summary,
    syntax: `@${name} <count>`,
    parse: parseCount,
    schema: (s, v) => void (s[name] = v),
  });
}

/**
 * `@exclusiveMinimum 5` is JSON Schema's number form (becomes minimum: 5 + exclusiveMinimum: true);
 * `@exclusiveMinimum` alone or `true` is OpenAPI's flag form next to @minimum. The number form
 * beside @minimum sets the minimum twice: tags/combinations.ts reports it.
 */
function exclusiveTag(
  name: "exclusiveMinimum" | "exclusiveMaximum",
  bound: "minimum" | "maximum",
): RegisteredTag {
  return defineTag<number | true>({
    name,
    targets: VALUE,
    summary: `Makes the ${bound} exclusive; with a number, also sets the ${bound} (then no @${bound} beside it).`,
    syntax: `@${name} [<number>]`,
    parse: (text): TagParseResult<number | true> => {
      const t = text.trim();
      if (t === "" || t === "true") return ok(true);
      return parseNumber(t);
    },
    schema: (s: DraftSchema, v) => {
      if (v !== true) s[bound] = v;
      s[name] = true;
    },
  });
}

/** What @deprecated adds to a description. */
export function deprecationNote(text: string): string {
  return text === "" ? "Deprecated." : `Deprecated: ${text}`;
}

/** Formats that make a `number` an integer. */
const INTEGER_FORMATS = new Set(["int32", "int64"]);

/**
 * Whether a node holds numbers, as far as its draft tells; undefined for a named type's node
 * (a `$ref`, or a union with one), whose type is known only once inlined.
 */
function holdsNumbers(s: DraftSchema): boolean | undefined {
  if (s.type !== undefined) return s.type === "number" || s.type === "integer";
  // Values of several types: there is no one type to make an integer.
  if (s["x-kubernetes-int-or-string"] === true || s["x-kubernetes-preserve-unknown-fields"] === true)
    return false;
  if (s.$ref !== undefined) return undefined;
  // @schemaless' empty node, made by its tags alone.
  if (!s.anyOf) return true;
  const members = s.anyOf.filter((m) => m.type !== "null").map(holdsNumbers);
  if (members.includes(false)) return false;
  return members.every((m) => m === true) ? true : undefined;
}

export const schemaTags: RegisteredTag[] = [
  numberTag("minimum", "Smallest allowed value."),
  numberTag("maximum", "Largest allowed value."),
  exclusiveTag("exclusiveMinimum", "minimum"),
  exclusiveTag("exclusiveMaximum", "maximum"),
  numberTag("multipleOf", "The value must be a multiple of this number (greater than 0).", parsePositive),
  countTag("minLength", "Shortest allowed string."),
  countTag("maxLength", "Longest allowed string."),
  countTag("minItems", "Fewest list items."),
  countTag("maxItems", "Most list items."),
  countTag("minProperties", "Fewest map entries."),
  countTag("maxProperties", "Most map entries."),
  defineTag<string>({
    name: "pattern",
    targets: VALUE,
    summary: "Regular expression (RE2 syntax, as the API server uses) the string must match.",
    syntax: "@pattern <regex>",
    parse: (text) => {
      const t = text.trim();
      if (t === "") return fail("expects a regular expression");
      // RE2 has no free-spacing mode: a line break would be a character to match.
      if (t.includes("\n"))
        return fail(
          `spans several lines, whose line breaks the API server would match as characters: "${t}"`,
        );
      // Checked as the API server will read it: RE2 accepts `[[:punct:]]` and `(?i)`, which
      // JavaScript rejects, and rejects look-arounds, which JavaScript accepts.
      const literal = regexLiteral(t);
      if (literal !== undefined)
        return fail(
          "is written as a JavaScript regular expression literal: the API server would match its slashes as characters, so no value would match",
          `write @pattern ${literal}`,
        );
      const inQuotes = quotedPattern(t);
      if (inQuotes !== undefined)
        return fail(
          "is written in quotes: the API server would match the quotes as characters, so no value would match",
          `write @pattern ${inQuotes}`,
        );
      const compiled = compileRe2(t);
      return compiled instanceof Error
        ? fail(
            `is not a valid regular expression (RE2 syntax): ${compiled.message}`,
            re2Hint(t, compiled.message),
          )
        : matchesEveryString(t)
          ? fail(
              "matches every string: the API server looks for a match anywhere in the value, and this pattern matches the empty text at its start, so it checks nothing",
              `anchor it to match the whole value: @pattern ${anchoredPattern(t)}`,
            )
          : ok(t);
    },
    schema: (s, v) => void (s.pattern = v),
  }),
  defineTag({
    name: "format",
    targets: VALUE,
    summary: "String or number format; int32 and int64 make a number an integer (and only a number).",
    syntax: "@format <name>",
    parse: parseWord,
    schema: (s, v) => {
      s.format = v;
      // A string or a list made an integer would take no value at all. A named type's node is
      // known only once inlined: inline-refs makes it an integer there if it is a number.
      if (INTEGER_FORMATS.has(v) && holdsNumbers(s) === true) s.type = "integer";
    },
  }),
  defineTag({
    name: "default",
    targets: VALUE,
    summary: "Default value, as JSON; the API server fills it in when the field is absent.",
    syntax: "@default <JSON>",
    parse: parseJson,
    schema: (s, v) => void (s.default = v),
  }),
  defineTag({
    name: "nullable",
    targets: VALUE,
    summary: "The field accepts null (same as `T | null`).",
    syntax: "@nullable",
    parse: parseFlag,
    schema: (s) => void (s.nullable = true),
  }),
  defineTag<string>({
    name: "deprecated",
    targets: ["crd", "type", "field"],
    summary:
      "On a field or type: the text is added to its description. On a CRD root: deprecates the version, the text is the warning.",
    syntax: "@deprecated [<text>]",
    parse: (text) => ok(text.trim()),
    schema: (s, v) => {
      const note = deprecationNote(v);
      s.description = s.description ? `${s.description}\n\n${note}` : note;
    },
  }),
  // JSDoc's (and ts-json-schema-generator's) way of writing a description as a tag: read, not dropped.
  defineTag<string>({
    name: "description",
    targets: VALUE,
    summary:
      "The field's description, as JSDoc reads it; after the comment's own text (a blank line apart) when it has some.",
    syntax: "@description <text>",
    // An empty one was documentation before it was read, and says nothing: no error.
    parse: (text) => ok(text.trim()),
    schema: (s, v) => {
      if (v !== "") s.description = s.description ? `${s.description}\n\n${v}` : v;
    },
  }),
  defineTag({
    name: "title",
    targets: VALUE,
    summary: "Short title of the field.",
    syntax: "@title <text>",
    parse: parseText,
    schema: (s, v) => void (s.title = v),
  }),
];

/** Tags that choose a Kubernetes-specific representation. */
schemaTags.push(
  defineTag({
    name: "intOrString",
    targets: VALUE,
    summary: "`string | number` as Kubernetes int-or-string (x-kubernetes-int-or-string).",
    syntax: "@intOrString",
    parse: parseFlag,
    schema: (s) => void (s["x-kubernetes-int-or-string"] = true),
  }),
  defineTag({
    name: "preserveUnknownFields",
    targets: VALUE,
    summary: "Keep fields the schema does not describe (x-kubernetes-preserve-unknown-fields).",
    syntax: "@preserveUnknownFields",
    parse: parseFlag,
    schema: (s) => void (s["x-kubernetes-preserve-unknown-fields"] = true),
  }),
  defineTag({
    name: "uniqueItems",
    targets: VALUE,
    summary: "List items are unique: a scalar list becomes x-kubernetes-list-type: set.",
    syntax: "@uniqueItems",
    parse: parseFlag,
    schema: (s) => void (s.uniqueItems = true),
  }),
  defineTag({
    name: "noUnionRules",
    targets: VALUE,
    summary: "Do not add the per-member CEL rules to a lowered discriminated union.",
    syntax: "@noUnionRules",
    parse: parseFlag,
    schema: (s) => void (s["x-crdgen-no-union-rules"] = true),
  }),
);

const RULE_KEYS = ["rule", "message", "messageExpression", "reason", "fieldPath", "optionalOldSelf"];
const REASONS = ["FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate"];

/** `rule="..." message="..." ...`, or a bare CEL expression as the rule. */
function parseValidation(text: string): TagParseResult<ValidationRule> {
  const t = text.trim();
  if (t === "") return fail("expects a CEL rule");
  // controller-gen's marker name pasted with the rule (`@validation:XValidation:rule=...`, from
  // `+kubebuilder:validation:XValidation:rule=...`): without it, the rest may be what was meant.
  const marker = /^(?:[:=]\s*)?XValidation\s*[:=]\s*/i.exec(t);
  if (marker) {
    const rest = t.slice(marker[0].length);
    const meant = parseValidation(rest);
    return fail(
      `reads "${t}" with controller-gen's marker name XValidation, which is no part of a rule`,
      meant.ok ? `write @validation ${rest}` : meant.hint,
    );
  }
  const pasted = validationMarker(t);
  if (pasted) return pasted;
  // No CEL expression starts with either: they separate the tag from its value (`@validation:rule=...`).
  if (/^[:=]/.test(t)) return fail(`reads "${t}" as a CEL rule, which cannot start with "${t[0]!}"`);
  if (!new RegExp(`^(${RULE_KEYS.join("|")})(=|\\s|$)`).test(t)) return bareRule(t);
  const kv = parseKeyValues(t, RULE_KEYS);
  if (!kv.ok) return kv;
  const unknown = unknownKeys<ValidationRule>(kv.value, RULE_KEYS, "@validation");
  if (unknown) return unknown;
  const str = (k: string) => (typeof kv.value.get(k) === "string" ? (kv.value.get(k) as string) : undefined);
  const rule = str("rule");
  if (!rule)
    return fail("needs rule=...", 'write @validation rule="self.a <= self.b" message="a must not exceed b"');
  const reason = str("reason");
  if (reason !== undefined && !REASONS.includes(reason))
    return fail(`reason must be one of ${REASONS.join(", ")}, got "${reason}"`);
  const out: ValidationRule = { rule };
  const message = str("message");
  const messageExpression = str("messageExpression");
  const fieldPath = str("fieldPath");
  // Kubernetes reads a fieldPath from the node the rule is on, starting with a step: kube-rs'
  // `.field_path("spec.host")` compiles, and the API server then refuses it as no valid path.
  if (fieldPath && !/^[.[]/.test(fieldPath))
    return fail(
      `fieldPath must start with "." or "[" (a path from the node the rule is on), got "${fieldPath}"`,
      `write fieldPath=.${fieldPath}`,
    );
  // A message wrapped over several comment lines is one line: Kubernetes refuses a line break
  // in it ("must not contain line breaks"), as in a deprecation warning (version-tags.ts).
  if (message !== undefined) out.message = oneLine(message);
  if (messageExpression !== undefined) out.messageExpression = messageExpression;
  if (reason !== undefined) out.reason = reason;
  if (fieldPath !== undefined) out.fieldPath = fieldPath;
  if (kv.value.has("optionalOldSelf")) out.optionalOldSelf = kv.value.get("optionalOldSelf") !== "false";
  return ok(out);
}

/**
 * Another of controller-gen's validation markers pasted after `@validation` (`@validation:Minimum=3`,
 * `@validation:Optional`, from `+kubebuilder:validation:Minimum=3`): no CEL rule starts with a
 * marker's name and `=`, or is one alone, so the hint is the tag that marker means (`write @minimum 3`).
 */
function validationMarker(text: string): TagParseResult<ValidationRule> | undefined {
  const m = /^:?\s*([A-Z][A-Za-z]*)(?=[=:]|$)/.exec(text);
  if (!m) return undefined;
  const reading = readMarker(`+kubebuilder:validation:${text.replace(/^:\s*/, "")}`);
  if (!reading || reading.name !== `kubebuilder:validation:${m[1]!}`) return undefined;
  return fail(
    `reads "${text}" with controller-gen's marker ${m[1]!}, which is no CEL rule`,
    markerHint(reading),
  );
}

/**
 * A rule written as the tag's whole text. One over several lines is kept, as CEL reads line breaks
 * as spaces, unless only its first line parses: then the lines below are documentation, which
 * the tag reader says to move (tags/documentation-below.ts). A rule that parses in neither form
 * is left for validation, which says where it fails.
 */
function bareRule(rule: string): TagParseResult<ValidationRule> {
  const firstLine = rule.split("\n", 1)[0]!.trim();
  if (firstLine === rule || parsesAsCel(rule) || !parsesAsCel(firstLine)) return ok({ rule });
  return fail(`reads "${rule}" as its CEL rule, which does not parse`);
}

/**
 * One key: `@listMapKey group,resource` (as kube-rs' `ListMerge::Map(vec![...])` lists them) would
 * be one key named `group,resource`, which no item has.
 */
function parseListMapKey(text: string): TagParseResult<string> {
  const keys = text
    .trim()
    .split(/[\s,]+/)
    .filter((k) => k !== "");
  if (keys.length < 2) return parseWord(text);
  return fail(
    `takes one key, got "${text.trim()}"`,
    `write one @listMapKey per key, in order: ${keys.map((k) => `@listMapKey ${k}`).join(" ")}`,
  );
}

/** Tags for Kubernetes' schema extensions (list and map semantics, CEL rules, embedded objects). */
schemaTags.push(
  defineTag({
    name: "validation",
    targets: ["crd", "type", "field"],
    summary: "A CEL validation rule (x-kubernetes-validations); repeatable.",
    syntax:
      '@validation rule="<cel>" [message="..."] [messageExpression="..."] [reason=<r>] [fieldPath=<.p>] [optionalOldSelf]',
    repeatable: true,
    parse: parseValidation,
    schema: (s, v) => void (s["x-kubernetes-validations"] = [...(s["x-kubernetes-validations"] ?? []), v]),
  }),
  defineTag<string>({
    name: "listType",
    targets: VALUE,
    summary: "How server-side apply merges the list: atomic, set or map.",
    syntax: "@listType atomic|set|map",
    parse: parseChoice(["atomic", "set", "map"] as const),
    schema: (s, v) => void (s["x-kubernetes-list-type"] = v),
  }),
  defineTag({
    name: "listMapKey",
    targets: VALUE,
    summary: "A key field of a list-map (with @listType map); repeatable, in order.",
    syntax: "@listMapKey <property>",
    repeatable: true,
    parse: parseListMapKey,
    schema: (s, v) =>
      void (s["x-kubernetes-list-map-keys"] = [...(s["x-kubernetes-list-map-keys"] ?? []), v]),
  }),
  defineTag<string>({
    name: "mapType",
    targets: VALUE,
    summary: "How server-side apply merges the map: atomic or granular.",
    syntax: "@mapType atomic|granular",
    parse: parseChoice(["atomic", "granular"] as const),
    schema: (s, v) => void (s["x-kubernetes-map-type"] = v),
  }),
  defineTag<string>({
    name: "structType",
    targets: VALUE,
    summary:
      "How server-side apply merges the object: atomic or granular (written as x-kubernetes-map-type).",
    syntax: "@structType atomic|granular",
    parse: parseChoice(["atomic", "granular"] as const),
    schema: (s, v) => void (s["x-kubernetes-map-type"] = v),
  }),
  defineTag({
    name: "embeddedResource",
    targets: VALUE,
    summary: "The object is a whole Kubernetes resource (apiVersion, kind, metadata are validated).",
    syntax: "@embeddedResource",
    parse: parseFlag,
    schema: (s) => {
      s["x-kubernetes-embedded-resource"] = true;
      s.type = "object";
    },
  }),
  defineTag({
    name: "schemaless",
    targets: VALUE,
    summary:
      "Emit no schema for the field's type, which is then not read, so any type will do (other tags on it still apply).",
    syntax: "@schemaless",
    parse: parseFlag,
    // The emitter starts such a field from an empty schema (see emit/schema.ts).
  }),
);

/**
 * The pattern inside `/^[a-z]+$/i`, as RE2 writes it (`(?i)^[a-z]+$`), or undefined. Only a literal
 * whose `^` or `$` touches a slash is one: `/^a/` can match nothing, while `/v1/` is a fine pattern.
 */
function regexLiteral(text: string): string | undefined {
  const m = /^\/(.+)\/([dgimsuyv]*)$/s.exec(text);
  if (!m) return undefined;
  const [, inner = "", flags = ""] = m;
  if (!inner.startsWith("^") && !/(^|[^\\])\$$/.test(inner)) return undefined;
  // RE2 takes JavaScript's i, m and s flags inline; the others change nothing a pattern matches.
  const inline = [...flags].filter((f) => "ims".includes(f)).join("");
  return inline === "" ? inner : `(?${inline})${inner}`;
}

/**
 * The pattern inside quotes, as Rust (`"^\\d+$"`, `r"^\d+$"`, `r#"..."#`), Go (`` `^\d+$` ``) and
 * JavaScript write a regular expression in code, or undefined. As for a literal, only quotes that
 * an anchor touches are taken for delimiters: `"^a$"` matches nothing, `"a"` a quoted word. A
 * double-quoted string is read as JSON (as Rust reads it), so `"^\\d+$"` is `^\d+$`.
 */
function quotedPattern(text: string): string | undefined {
  const m = /^(?:r(#*)"(.*)"\1|"(.*)"|'(.*)'|`(.*)`)$/s.exec(text);
  if (!m) return undefined;
  const [, , raw, double, single, backtick] = m;
  let inner = raw ?? single ?? backtick;
  if (double !== undefined) {
    try {
      inner = JSON.parse(`"${double}"`) as string;
    } catch {
      inner = double; // `"^\d+$"` is no JSON string: its backslash is the pattern's
    }
  }
  if (inner === undefined || (!inner.startsWith("^") && !/(^|[^\\])\$$/.test(inner))) return undefined;
  return inner;
}

/**
 * What to write instead of a JavaScript-only regular expression feature, which the API server's
 * RE2 (Go's regexp) refuses; the default hint, the tag's syntax, when there is nothing to add.
 */
function re2Hint(pattern: string, error: string): string | undefined {
  if (/\(\?(=|!|<=|<!)/.test(pattern))
    return "RE2, which Kubernetes matches patterns with, has no look-ahead or look-behind: write the pattern without it, or check each condition with a @validation rule (rule=\"self.matches('[a-z]')\")";
  if (/invalid escape sequence: `\\[1-9k]/.test(error))
    return "RE2, which Kubernetes matches patterns with, has no back-references: check the repeated part with a @validation rule";
  if (/invalid escape sequence: `\\u`/.test(error)) {
    // RE2 writes a code point \x{00e9}, JavaScript \u00e9.
    const rewritten = pattern.replace(/\\u\{?([0-9A-Fa-f]{4,6})\}?/g, "\\x{$1}");
    if (!(compileRe2(rewritten) instanceof Error))
      return `RE2 writes a character by its code as \\x{...}: write @pattern ${rewritten}`;
  }
  if (/invalid nested repetition operator: `[*+?]\+`/.test(error))
    return "RE2 has no possessive quantifiers: drop the second + (a++ is a+)";
  return undefined;
}

/**
 * @schemaless: the field's type contributes nothing; its other tags still apply. The reader then
 * leaves the type unread, and the emitter starts from an empty schema.
 */
export function isSchemaless(tags: readonly { name: string }[]): boolean {
  return tags.some((t) => t.name === "schemaless");
}
