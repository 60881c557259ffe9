/**
 * Tags for controller-gen markers that the core set does not cover: `example`, a `type`
 * override, `externalDocs`, `k8s:immutable` and the generated one-of CEL rules (one-of.ts).
 *
 * Two controller-gen names collide with standard JSDoc tags that editors and doc tools
 * already give a meaning (`@example` holds code samples, `@type` a JSDoc type), and
 * crdgen ignores those tags on purpose. So the schema keyword `example` is `@exampleValue`
 * and the `type` override is `@schemaType`; the documentation tags stay documentation.
 */
import { IMMUTABLE, type DraftSchema } from "../emit/draft.js";
import type { ExternalDocumentation, ValidationRule } from "../schema/types.js";
import { oneOfTag } from "./one-of.js";
import { fail, ok, parseChoice, parseFlag, parseJson, parseKeyValues, quoted } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult, type TagTarget } from "./registry.js";

const VALUE: readonly TagTarget[] = ["type", "field"];

/** The rule @immutable puts on the field itself (controller-gen's exact wording). */
export const IMMUTABLE_RULE: Readonly<ValidationRule> = {
  rule: "self == oldSelf",
  message: "field is immutable",
};

/**
 * A flag. Its message is controller-gen's: one of the user's own (`@immutable message="..."`, as
 * CloudNativePG words its XValidation rules) is a @validation rule, which the hint writes out.
 */
function parseImmutable(text: string): TagParseResult<true> {
  const parsed = parseFlag(text);
  if (parsed.ok) return parsed;
  const kv = parseKeyValues(text, ["message"]);
  const message = kv.ok && kv.value.size === 1 ? kv.value.get("message") : undefined;
  if (typeof message !== "string") return parsed;
  return fail(
    `takes no argument: its rule's message is always "${IMMUTABLE_RULE.message!}"`,
    `for a message of your own, write @validation rule="self == oldSelf" message=${quoted(message)} (then an optional field can still be removed, which @immutable forbids)`,
  );
}

function addRule(s: DraftSchema, rule: ValidationRule): void {
  s["x-kubernetes-validations"] = [...(s["x-kubernetes-validations"] ?? []), rule];
}

function parseExternalDocs(text: string): TagParseResult<ExternalDocumentation> {
  const kv = parseKeyValues(text, ["url", "description"]);
  if (!kv.ok) return kv;
  const unknown = [...kv.value.keys()].filter((k) => k !== "url" && k !== "description");
  if (unknown.length > 0) return fail(`does not know ${unknown.join(", ")}`);
  const url = kv.value.get("url");
  if (typeof url !== "string" || url === "") {
    return fail(
      "needs url=...",
      'write @externalDocs url=https://example.com/docs description="More about this field"',
    );
  }
  // The API server stores externalDocs.url as-is, but a URL that does not parse is a typo.
  if (!URL.canParse(url)) return fail(`url must be an absolute URL, got "${url}"`);
  const description = kv.value.get("description");
  if (description === true) return fail("description needs a value");
  return ok(description === undefined ? { url } : { url, description });
}

export const controllerGenTags: RegisteredTag[] = [
  defineTag({
    name: "exampleValue",
    targets: VALUE,
    summary: "An example value, as JSON (the schema's `example`; JSDoc's @example stays documentation).",
    syntax: "@exampleValue <JSON>",
    parse: (text) => parseJson(text, "exampleValue"),
    schema: (s, v) => void (s.example = v),
  }),
  defineTag<string>({
    name: "schemaType",
    targets: VALUE,
    summary:
      "Overrides the schema `type` (JSDoc's @type stays documentation); with @schemaless, the tags alone make the schema.",
    syntax: "@schemaType string|integer|number|boolean|object|array",
    parse: parseChoice(["string", "integer", "number", "boolean", "object", "array"] as const),
    schema: (s, v) => void (s.type = v),
  }),
  defineTag({
    name: "externalDocs",
    targets: VALUE,
    summary: "A link to further documentation (the schema's externalDocs); a field's wins over its type's.",
    syntax: '@externalDocs url=<url> [description="..."]',
    parse: parseExternalDocs,
    schema: (s, v) => void (s.externalDocs = { ...v }),
  }),
  defineTag({
    name: "immutable",
    targets: ["field"],
    summary:
      "The field cannot change once set (CEL self == oldSelf); an optional field also cannot be removed once set. Inside a list, only in a list-map's items; not on a field of no type (unknown, any).",
    syntax: "@immutable",
    parse: parseImmutable,
    schema: (s) => {
      addRule(s, { ...IMMUTABLE_RULE });
      // The "cannot be removed" rule belongs on the parent object, which a tag cannot reach.
      s[IMMUTABLE] = true;
    },
  }),
  oneOfTag(
    "atMostOneOf",
    VALUE,
    "At most one of the listed fields may be set (a generated CEL rule); repeatable.",
  ),
  oneOfTag(
    "exactlyOneOf",
    VALUE,
    "Exactly one of the listed fields must be set (a generated CEL rule); repeatable.",
  ),
  oneOfTag(
    "atLeastOneOf",
    VALUE,
    "At least one of the listed fields must be set (a generated CEL rule); repeatable.",
  ),
];
