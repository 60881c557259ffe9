/**
 * A team porting a hand-written CRD (Zalando's postgresql, test/parity/zalando-postgresql.test.ts)
 * copies the YAML's keywords as tags, and a team coming from another TypeScript generator its
 * annotations: each is an unknown tag whose hint is what to write, and JSDoc's `@description`
 * (which ts-json-schema-generator reads too) is the description rather than dropped.
 */
import { describe, expect, test } from "vitest";
import { tagRegistry } from "../../src/tags/index.js";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

describe("a CRD's schema keywords written as tags", () => {
  test.each([
    ["x-kubernetes-preserve-unknown-fields", "Record<string, unknown>", /^write @preserveUnknownFields/],
    ["x-kubernetes-int-or-string", "string", /`IntOrString` \(from crdgen\), or tag it @intOrString/],
    ["x-kubernetes-embedded-resource", "Record<string, unknown>", /^write @embeddedResource$/],
    ["x-kubernetes-list-type set", "string[]", /^write @listType atomic\|set\|map$/],
    ["x-kubernetes-list-map-keys name", "{ name: string }[]", /^write @listMapKey <key>, one tag per key$/],
    ["x-kubernetes-map-type atomic", "Record<string, string>", /^write @mapType atomic\|granular on a map/],
    ["x-kubernetes-validations rule=\"self != ''\"", "string", /^write @validation rule="<cel>"/],
    ["oneOf", "{ a?: string; b?: string }", /^write a union of object types: .* @exactlyOneOf a,b/],
    ["OneOf", "{ a?: string; b?: string }", /^write a union of object types/],
    ["anyOf", "{ a?: string; b?: string }", /^write a union of types .* @atLeastOneOf a,b/],
    ["additionalProperties false", "{ a?: string }", /^an interface admits only its properties/],
    ["TJS-type integer", "number", /^crdgen reads the TypeScript type: write `int32`/],
  ])("@%s is an unknown tag whose hint is what to write", (tag, type, hint) => {
    const errors = errorsOf(withRoot(`{\n  /** @${tag} */\n  f?: ${type};\n}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "CRD1003",
      // No did-you-mean: none of crdgen's tags is a misspelling of these.
      message: `Unknown tag @${tag.split(" ")[0]!}.`,
      hint: expect.stringMatching(hint),
    });
  });

  test("the oneOf the hint promises is what the union gives", () => {
    const spec = specSchema(withRoot("{\n  f?: { a: string; b?: never } | { b: string; a?: never };\n}"));
    expect(spec.properties!.f!.oneOf).toEqual([{ required: ["a"] }, { required: ["b"] }]);
  });
});

describe("@description", () => {
  test("is registered, not ignored as documentation", () => {
    expect(tagRegistry.isIgnored("description")).toBe(false);
    expect(tagRegistry.get("description")).toBeDefined();
  });

  test.each([
    ["/** @description The field. */", "The field."],
    ["/**\n   * Above.\n   * @description Below.\n   */", "Above.\n\nBelow."],
    ["/**\n   * Above.\n   * @description\n   */", "Above."],
  ])("%s", (doc, description) => {
    const spec = specSchema(withRoot(`{\n  ${doc}\n  f?: string;\n}`));
    expect(spec.properties!.f!.description).toBe(description);
  });

  test("on a named type, it describes the fields of that type that have no doc of their own", () => {
    const spec = specSchema(
      withRoot(
        "{\n  a?: Name;\n  /** Own. */\n  b?: Name;\n}",
        "/** @description A name. */\nexport type Name = string;\n",
      ),
    );
    expect(spec.properties!.a!.description).toBe("A name.");
    expect(spec.properties!.b!.description).toBe("Own.");
  });
});

describe("JSDoc's @type with a schema type word", () => {
  test.each([
    ["integer", "number", /^type the field `int32`, `int64` or `integer`/],
    ["string", "number", /^type the field itself in TypeScript \(`string`\)$/],
    ["array", "string", /\(`T\[\]`\)$/],
  ])("@type %s is an error: the TypeScript type decides", (word, type, hint) => {
    const errors = errorsOf(withRoot(`{\n  /** @type ${word} */\n  f?: ${type};\n}`));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "CRD1003",
      message: `@type ${word} is JSDoc's type annotation, which crdgen does not read: the TypeScript type decides the schema's type.`,
      hint: expect.stringMatching(hint),
    });
  });

  test("@type {T}, JSDoc's own form, stays documentation", () => {
    expect(errorsOf(withRoot("{\n  /** @type {number} */\n  f?: number;\n}"))).toEqual([]);
  });
});
