/**
 * `@pattern: ^[a-z]+$`, `@default=3`: a ":" or "=" between a tag and its value, as YAML and Go
 * markers write it. JSDoc makes the punctuation part of the value, which some tags would take
 * as written (a pattern that matches nothing, a title starting with ": "), so the value meant
 * is named instead (src/read/tag-separator.ts).
 */
import { describe, expect, test } from "vitest";
import { errorsOf, specSchema, withRoot } from "../helpers/generate.js";

const field = (tag: string, type = "string") => withRoot(`{\n  /** ${tag} */\n  f?: ${type};\n}`);

describe("a separator between a tag and its value", () => {
  test.each([
    [
      "@pattern: ^[a-z]+$",
      '@pattern takes its value after a space, not after ":": this reads as ": ^[a-z]+$".',
      "write @pattern ^[a-z]+$",
    ],
    [
      "@pattern=^[a-z]+$",
      '@pattern takes its value after a space, not after "=": this reads as "=^[a-z]+$".',
      "write @pattern ^[a-z]+$",
    ],
    [
      "@title: Replicas",
      '@title takes its value after a space, not after ":": this reads as ": Replicas".',
      "write @title Replicas",
    ],
  ])("%s, which the tag would take as written, is an error naming the value meant", (tag, message, hint) => {
    expect(errorsOf(field(tag))).toMatchObject([{ code: "CRD1004", message, hint }]);
  });

  test.each([
    ["@default=3", "write @default 3"],
    ["@default: 3", "write @default 3"],
    ["@minimum: 1", "write @minimum 1"],
  ])("%s, which the tag refuses, gets the value meant as its hint", (tag, hint) => {
    expect(errorsOf(field(tag, "number"))).toMatchObject([{ code: "CRD1004", hint }]);
  });

  test("a pattern that starts with a colon of its own is kept", () => {
    expect(specSchema(field("@pattern :[0-9]+$")).properties!.f).toEqual({
      type: "string",
      pattern: ":[0-9]+$",
    });
  });

  test("the value meant, written so, is read", () => {
    expect(specSchema(field("@pattern ^[a-z]+$")).properties!.f).toEqual({
      type: "string",
      pattern: "^[a-z]+$",
    });
  });
});
