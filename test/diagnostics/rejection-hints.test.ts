/**
 * Kubernetes' errors about a generated CRD keep Kubernetes' words; the ones that speak of the
 * schema rather than of the TypeScript that made it get a hint, and following it works.
 */
import { describe, expect, test } from "vitest";
import { rejectionHint } from "../../src/diagnostics/rejection-hints.js";
import { errorsOf, generateFrom, withRoot } from "../helpers/generate.js";

describe("hints for Kubernetes' rejections", () => {
  test("a CEL rule on an unknown field: Kubernetes calls it an internal error", () => {
    const [error] = errorsOf(withRoot('{\n  /** @validation rule="has(self.a)" */\n  v?: unknown;\n}'));
    expect(error!.code).toBe("CRD2001");
    expect(error!.message).toContain("Internal error: internal error: failed to construct type information");
    expect(error!.hint).toMatch(
      /needs the field's type.*give the field a type, or put the rule on its parent/,
    );
    const typed = withRoot('{\n  /** @validation rule="has(self.a)" */\n  v?: { a?: string };\n}');
    expect(generateFrom(typed).ok).toBe(true);
  });

  test("a set of objects: tag the item type atomic", () => {
    const prelude = "export interface Item { a: string }";
    const [error] = errorsOf(withRoot("{\n  /** @listType set */\n  s?: Item[];\n}", prelude));
    expect(error!.message).toContain("must be atomic as item of a list with x-kubernetes-list-type=set");
    expect(error!.hint).toContain("@structType atomic");
    const atomic = "/** @structType atomic */\nexport interface Item { a: string }";
    expect(generateFrom(withRoot("{\n  /** @listType set */\n  s?: Item[];\n}", atomic)).ok).toBe(true);
  });

  test("a rule naming a field the object lacks", () => {
    // A one-of tag's names are checked before CEL (CRD3009, test/tags/one-of.test.ts); a
    // @validation rule's are CEL's to check.
    const [error] = errorsOf(
      withRoot(
        '{\n  /** @validation rule="has(self.url) || has(self.path)" */\n  src?: { url?: string; pth?: string };\n}',
      ),
    );
    expect(error!.message).toContain("undefined field 'path'");
    expect(error!.hint).toContain("names a field this object does not have");
  });

  test("a one-of tag naming a field of no type: CEL sees no such field", () => {
    const [error] = errorsOf(
      withRoot("{\n  /** @exactlyOneOf url,path */\n  src?: { url?: string; path?: unknown };\n}"),
    );
    expect(error!.message).toContain("undefined field 'path'");
    expect(error!.hint).toBe(
      "path has no type (unknown, any or @preserveUnknownFields alone), and CEL rules see no field of no type: give path a type, or leave it out of the rule",
    );
    const typed = withRoot("{\n  /** @exactlyOneOf url,path */\n  src?: { url?: string; path?: string };\n}");
    expect(generateFrom(typed).ok).toBe(true);
  });

  test.each([
    ["a map", "Record<string, unknown>", "map"],
    ["a list", "unknown[]", "list"],
  ])("a one-of tag naming %s of values of no type: CEL sees no such field", (_, type, shape) => {
    const [error] = errorsOf(
      withRoot(`{\n  /** @exactlyOneOf url,path */\n  src?: { url?: string; path?: ${type} };\n}`),
    );
    expect(error!.message).toContain("undefined field 'path'");
    expect(error!.hint).toBe(
      `path is a ${shape} holding values of no type (unknown, any), and CEL rules see no such field: give those values a type (for an object of any fields, Record<string, unknown> tagged @preserveUnknownFields), or leave it out of the rule`,
    );
  });

  test("an object of any fields tagged @preserveUnknownFields is a field CEL sees", () => {
    const preserved = withRoot(
      "{\n  /** @exactlyOneOf url,path */\n  src?: {\n    url?: string;\n    /** @preserveUnknownFields */\n    path?: Record<string, unknown>;\n  };\n}",
    );
    expect(generateFrom(preserved).ok).toBe(true);
  });

  test("@schemaless alone: the field has no type, and the tags that give it one work", () => {
    const field = (tags: string, type = "Record<string, unknown>") =>
      withRoot(`{\n  /** ${tags} */\n  taskSpec?: ${type};\n}`);
    const [error] = errorsOf(field("@schemaless"));
    expect(error!.message).toContain(
      "properties[taskSpec].type: Required value: must not be empty for specified object fields",
    );
    expect(error!.hint).toBe(
      "a @schemaless field has no type of its own: add @preserveUnknownFields (any value, kept unchecked), @intOrString, or @schemaType <type>",
    );
    expect(generateFrom(field("@schemaless @preserveUnknownFields")).ok).toBe(true);
    expect(generateFrom(field("@schemaless @intOrString", "string")).ok).toBe(true);
    expect(generateFrom(field("@schemaless @schemaType string", "Date")).ok).toBe(true);
    // A map's values of a @schemaless type are fields too.
    const prelude = "/** @schemaless */\nexport type Raw = Record<string, unknown>;";
    const [value] = errorsOf(withRoot("{ byName?: Record<string, Raw> }", prelude));
    expect(value!.message).toContain("additionalProperties.type: Required value");
    expect(value!.hint).toBe(error!.hint);
  });

  test("@schemaless as a list's item type: its type is to be given beside the tag", () => {
    const prelude = (tags: string) => `/** ${tags} */\nexport type Raw = Record<string, unknown>;`;
    const [error] = errorsOf(withRoot("{ raws?: Raw[] }", prelude("@schemaless")));
    expect(error!.message).toContain(
      "items.type: Required value: must not be empty for specified array items",
    );
    expect(error!.hint).toBe(
      "the list's item type is @schemaless, so it has no type of its own: beside its @schemaless, add @preserveUnknownFields (any value, kept unchecked), @intOrString, or @schemaType <type>",
    );
    expect(generateFrom(withRoot("{ raws?: Raw[] }", prelude("@schemaless @preserveUnknownFields"))).ok).toBe(
      true,
    );
  });

  test("a rule's fieldPath naming no field: the one meant and the fields there", () => {
    const rule = (path: string) =>
      withRoot(
        `{\n  /** @validation rule="has(self.auth.name)" fieldPath="${path}" */\n  src?: { url?: string; auth?: { name?: string; key?: string } };\n}`,
      );
    const hint = (path: string) => errorsOf(rule(path)).map((e) => e.hint);
    expect(hint(".auth.nme")).toEqual([
      "the rule's object has no field .auth.nme: did you mean fieldPath=.auth.name? .auth's properties: name, key",
    ]);
    expect(hint(".uri")).toEqual([
      "the rule's object has no field .uri: did you mean fieldPath=.url? its properties: url, auth",
    ]);
    expect(hint(".url.host")).toEqual([
      "a rule's fieldPath names a field below the object the rule is on, as .name or .name.child (['a.b'] for a name with dots)",
    ]);
    expect(generateFrom(rule(".auth.name")).ok).toBe(true);
  });

  test("a messageExpression with string() of a number: format the number instead", () => {
    const rule = (message: string) =>
      withRoot(
        `{\n  /** @validation rule="self <= 10" messageExpression="${message}" */\n  replicas: number;\n}`,
      );
    const errors = errorsOf(rule("'too many: ' + string(self)"));
    const perExpression = errors.find((e) =>
      e.message.includes("estimated messageExpression cost exceeds budget"),
    );
    expect(perExpression!.hint).toContain("'too many: %d'.format([self.replicas])");
    expect(generateFrom(rule("'too many: %s'.format([self])")).ok).toBe(true);
  });

  test("an optional list-map key: make it required, not a @default hint about a bad value", () => {
    const list = (item: string) =>
      withRoot(`{\n  /** @listType map @listMapKey name */\n  users?: ${item}[];\n}`);
    const [error] = errorsOf(list("{ name?: string; admin?: boolean }"));
    expect(error!.message).toContain("so it must have a default or be a required property");
    expect(error!.hint).toBe(
      "every item of a list-map needs its keys: make `name` required (drop the `?`) or give it a @default",
    );
    expect(generateFrom(list("{ name: string; admin?: boolean }")).ok).toBe(true);
    expect(generateFrom(list('{\n    /** @default "admin" */\n    name?: string;\n  }')).ok).toBe(true);
  });

  test("a nullable list-map key: drop the null", () => {
    const list = (item: string) =>
      withRoot(`{\n  /** @listType map @listMapKey name */\n  users?: ${item}[];\n}`);
    const [error] = errorsOf(list("{ name: string | null }"));
    expect(error!.message).toContain("so it cannot be nullable");
    expect(error!.hint).toBe("a list-map's key cannot be null: drop `| null` (or @nullable) from `name`");
  });

  test("@listType or @mapType on a field of another type: they belong on a list or a map", () => {
    const errors = errorsOf(
      withRoot(
        "{\n  /** @listType map @listMapKey name */\n  count?: number;\n  /** @listType set */\n  name?: string;\n  /** @mapType atomic */\n  tags?: string[];\n}",
      ),
    );
    const hints = errors.map((e) => e.hint);
    expect(hints.filter((h) => h?.startsWith("@listType (and @listMapKey) belong on a list"))).toHaveLength(
      2,
    );
    expect(hints).toContain(
      "@listType map belongs on a list of objects (T[]), each keyed by its @listMapKey properties",
    );
    expect(
      hints.filter((h) => h?.startsWith("@mapType and @structType belong on a map or an object")),
    ).toHaveLength(1);
    expect(errors.every((e) => e.hint !== undefined)).toBe(true);
  });

  test("@listMapKey without @listType map: write it beside the key", () => {
    const list = (tags: string) =>
      withRoot(`{\n  /** ${tags} */\n  users?: { name: string; admin?: boolean }[];\n}`);
    const [missing] = errorsOf(list("@listMapKey name"));
    expect(missing!.message).toContain("must be map if x-kubernetes-list-map-keys is non-empty");
    expect(missing!.hint).toBe("@listMapKey keys a list-map: write @listType map beside it");
    const [atomic] = errorsOf(list("@listType atomic @listMapKey name"));
    expect(atomic!.message).toContain("must be map if x-kubernetes-list-map-keys is non-empty");
    expect(atomic!.hint).toBe(
      "@listMapKey keys a list-map: write @listType map instead of @listType atomic (or drop the @listMapKey tags)",
    );
    expect(generateFrom(list("@listType map @listMapKey name")).ok).toBe(true);
  });

  test("a @listMapKey naming no property of the items: the key meant and the properties there", () => {
    const list = (keys: string) =>
      withRoot(
        `{\n  /** @listType map ${keys} */\n  users?: { name: string; role: string; admin?: boolean }[];\n}`,
      );
    const [error] = errorsOf(list("@listMapKey nme"));
    expect(error!.message).toContain("entries must all be names of item properties");
    expect(error!.hint).toBe(
      "@listMapKey nme names no property of the list's item type: did you mean @listMapKey name? its properties: name, role, admin",
    );
    expect(errorsOf(list("@listMapKey nme @listMapKey kind"))[0]!.hint).toBe(
      "@listMapKey nme and @listMapKey kind name no properties of the list's item type: did you mean @listMapKey name? its properties: name, role, admin",
    );
    expect(generateFrom(list("@listMapKey name @listMapKey role")).ok).toBe(true);
    // Without the CRD at hand, the hint says what a key must be.
    const field =
      "spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[users].x-kubernetes-list-map-keys";
    expect(
      rejectionHint({
        type: "FieldValueInvalid",
        field,
        badValue: ["nme"],
        detail: "entries must all be names of item properties",
      }),
    ).toBe("each @listMapKey must name a property of the list's item type, as spelled there");
  });

  test("a @validation rule in quotes without rule=: CEL reads a string", () => {
    const rule = (tag: string) => withRoot(`{\n  /** ${tag} */\n  replicas?: number;\n}`);
    const [error] = errorsOf(rule('@validation "self > 0"'));
    expect(error!.message).toContain("cel expression must evaluate to a bool");
    expect(error!.hint).toBe(
      'the rule is in quotes without rule=, so CEL reads it as a string: write @validation rule="self > 0" (or the rule bare, without quotes)',
    );
    expect(generateFrom(rule('@validation rule="self > 0"')).ok).toBe(true);
    // A rule of another type, unquoted, is not about quotes.
    const [unquoted] = errorsOf(rule("@validation string(self)"));
    expect(unquoted!.message).toContain("cel expression must evaluate to a bool");
    expect(unquoted!.hint).toBeUndefined();
  });

  test.each([
    [
      "a misspelt field",
      '{"replicas": 1, "mod": "a"}',
      "mod (did you mean mode?); the type declares replicas, mode, inner, items, byName",
    ],
    ["a nested one", '{"inner": {"sise": 1}}', "inner.sise (did you mean inner.size?); inner declares size"],
    [
      "one in a list's item",
      '{"items": [{"nam": "x"}]}',
      "items[0].nam (did you mean items[0].name?); items[0] declares name",
    ],
    [
      "one in a map's value",
      '{"byName": {"k": {"nam": "x"}}}',
      "byName.k.nam (did you mean byName.k.name?); byName.k declares name",
    ],
    ["one far from any", '{"zzzzzz": 1}', "zzzzzz; the type declares replicas, mode, inner, items, byName"],
  ])("a @default naming %s the type lacks: the field and the one meant", (_what, value, told) => {
    const prelude =
      'export interface Opts { replicas?: number; mode?: "a" | "b"; inner?: { size?: number }; items?: { name?: string }[]; byName?: Record<string, { name?: string }> }';
    const [error] = errorsOf(withRoot(`{\n  /** @default ${value} */\n  opts?: Opts;\n}`, prelude));
    expect(error!.message).toContain("must not have unknown fields");
    expect(error!.hint).toBe(
      `the @default value names a field its type does not declare: ${told}. Correct the @default's field names (or declare the fields in the type)`,
    );
  });

  test("a @default's unknown fields where the type keeps unknown fields or an embedded resource's are no hint's", () => {
    const spec = withRoot(
      '{\n  /** @default {"a": {"x": 1}, "pod": {"apiVersion": "v1", "kind": "Pod", "nme": 1}} */\n  opts?: { a?: Free; pod?: Pod };\n}',
      "/** @preserveUnknownFields */\nexport interface Free { y?: number }\n/** @embeddedResource */\nexport interface Pod { apiVersion?: string; kind?: string; name?: string }",
    );
    const [error] = errorsOf(spec);
    expect(error!.hint).toBe(
      "the @default value names a field its type does not declare: pod.nme (did you mean pod.name?); pod declares apiVersion, kind, name. Correct the @default's field names (or declare the fields in the type)",
    );
  });

  test("a @default an enum, an integer or a bound refuses: a hint about that, not about enums and bounds at once", () => {
    const field = (tags: string, type: string) => withRoot(`{\n  /** ${tags} */\n  f?: ${type};\n}`);
    const hintOf = (tags: string, type: string) => errorsOf(field(tags, type))[0]!.hint;
    expect(hintOf('@default "Nevr"', '"Always" | "Never"')).toBe(
      'the @default value must be one of the values the field\'s type allows (listed above): did you mean @default "Never"?',
    );
    expect(hintOf('@default "c"', '"a" | "b"')).toBe(
      "the @default value must be one of the values the field's type allows (listed above)",
    );
    expect(hintOf("@format int32 @default 1.5", "number")).toBe(
      "the field is an integer: give the @default a whole number there",
    );
    expect(hintOf("@default 5 @maximum 3", "number")).toBe(
      "the @default value breaks a rule of the field's own type (a bound, a length, a pattern, a format): give a @default the field accepts",
    );
  });

  test("other rejections get none", () => {
    expect(rejectionHint({ type: "FieldValueRequired", field: "spec.group", detail: "" })).toBeUndefined();
  });
});
