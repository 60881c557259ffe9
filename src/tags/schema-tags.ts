/**
 * Tags that shape a schema. Names follow ts-json-schema-generator where they overlap,
 * so types annotated for it keep working.
 */
import type { DraftSchema } from "../emit/draft.js";
import { fail, ok, parseCount, parseFlag, parseJson, parseNumber, parseText, parseWord } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult, type TagTarget } from "./registry.js";

const VALUE: readonly TagTarget[] = ["type", "field"];

function numberTag(name: "minimum" | "maximum" | "multipleOf", summary: string): RegisteredTag {
  return defineTag({
    name,
    targets: VALUE,
    summary,
    syntax: `@${name} <number>`,
    parse: parseNumber,
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
 * `@exclusiveMinimum` alone or `true` is OpenAPI's flag form next to @minimum.
 */
function exclusiveTag(name: "exclusiveMinimum" | "exclusiveMaximum", bound: "minimum" | "maximum"): RegisteredTag {
  return defineTag<number | true>({
    name,
    targets: VALUE,
    summary: `Makes the ${bound} exclusive; with a number, also sets the ${bound}.`,
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

/** Formats that make a `number` an integer. */
const INTEGER_FORMATS = new Set(["int32", "int64"]);

export const schemaTags: RegisteredTag[] = [
  numberTag("minimum", "Smallest allowed value."),
  numberTag("maximum", "Largest allowed value."),
  exclusiveTag("exclusiveMinimum", "minimum"),
  exclusiveTag("exclusiveMaximum", "maximum"),
  numberTag("multipleOf", "The value must be a multiple of this number."),
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
      try {
        new RegExp(t, "u");
      } catch (e) {
        return fail(`is not a valid regular expression: ${(e as Error).message}`);
      }
      return ok(t);
    },
    schema: (s, v) => void (s.pattern = v),
  }),
  defineTag({
    name: "format",
    targets: VALUE,
    summary: "String or number format; int32 and int64 make a number an integer.",
    syntax: "@format <name>",
    parse: parseWord,
    schema: (s, v) => {
      s.format = v;
      if (INTEGER_FORMATS.has(v)) s.type = "integer";
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
    targets: ["type", "field"],
    summary: "Marks the field deprecated: the text is added to its description.",
    syntax: "@deprecated [<text>]",
    parse: (text) => ok(text.trim()),
    schema: (s, v) => {
      const note = v === "" ? "Deprecated." : `Deprecated: ${v}`;
      s.description = s.description ? `${s.description}\n\n${note}` : note;
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
