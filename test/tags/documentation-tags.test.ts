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
    expect(() => new TagRegistry(crdTags, new Set(), new Set(["group"]))).toThrow(/registered and hinted/);
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

describe("a conversion webhook, which has no tag", () => {
  // A port of a multi-version API (Tekton's Pipeline) looks for one: the hint says how it is added,
  // and no did-you-mean names an unrelated tag (`@conversion` is three edits from `@version`).
  test.each(["conversion Webhook", "webhook conversion"])("@%s on the root", (tag) => {
    const source = `/**\n * @crd\n * @group example.com\n * @version v1\n * @${tag}\n */\nexport interface Widget { spec: { a?: string } }\n`;
    const [error] = errorsOf(source);
    expect(error).toMatchObject({
      code: "CRD1003",
      message: `Unknown tag @${tag.split(" ")[0]!}.`,
      hint: expect.stringMatching(
        /^a conversion webhook has no tag.*add it to the generated CRD with a patch/,
      ),
    });
  });

  test("a did-you-mean still finds a misspelt tag near a hinted name", () => {
    expect(tagRegistry.suggest("conversion")).toBeUndefined();
    expect(tagRegistry.suggest("verison")).toBe("version");
  });
});
