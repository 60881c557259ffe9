/**
 * Standard TSDoc, TypeDoc and JSDoc tags are documentation: accepted anywhere, never an
 * "unknown tag" error. Tags that name something crdgen writes in TypeScript itself (`@enum`,
 * `@optional`, `@required`) stay errors, with a hint saying how to write it.
 */
import { describe, expect, test } from "vitest";
import { tagRegistry } from "../../src/tags/index.js";
import { TagRegistry } from "../../src/tags/registry.js";
import { crdTags } from "../../src/tags/crd-tags.js";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

const DOCUMENTATION = [
  "typeParam",
  "inheritDoc",
  "ignore",
  "hidden",
  "throws",
  "sealed",
  "virtual",
  "decorator",
  "event",
  "eventProperty",
  "privateRemarks",
  "categoryDescription",
  "groupDescription",
  "interface",
  "namespace",
  "function",
  "property",
  "prop",
  "enumMember",
];

describe("documentation tags", () => {
  test.each(DOCUMENTATION)("@%s is documentation", (name) => {
    expect(tagRegistry.isIgnored(name)).toBe(true);
    const spec = specSchema(
      withRoot(`{\n  /**\n   * The field.\n   * @${name} some text\n   */\n  f?: string;\n}`),
    );
    expect(spec.properties!.f!.description).toBe("The field.");
  });

  test("no tag crdgen owns is ignored as documentation (TSDoc's @label, TypeDoc's @group and @category)", () => {
    for (const tag of tagRegistry.all()) expect(tagRegistry.isIgnored(tag.name), `@${tag.name}`).toBe(false);
    expect(() => new TagRegistry(crdTags, new Set(["group"]))).toThrow(/both registered and ignored/);
  });
});

describe("tags crdgen writes in TypeScript", () => {
  test.each([
    ["enum", "string", /union of literals, e\.g\. "a" \| "b"/],
    ["optional", "string", /`name\?: T`/],
    ["required", "string", /drop the `\?`/],
  ])("@%s is an unknown tag with a hint", (name, type, hint) => {
    const [error] = errorsOf(withRoot(`{\n  /** @${name} */\n  f?: ${type};\n}`));
    expect(error).toMatchObject({
      code: "CRD1003",
      message: `Unknown tag @${name}.`,
      hint: expect.stringMatching(hint),
    });
  });
});
