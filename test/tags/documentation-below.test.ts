/**
 * Documentation written below a tag, which JSDoc reads as the tag's text: every tag whose text
 * is then refused says so, with the tag as it should be written (src/tags/documentation-below.ts);
 * values that may span lines (a JSON default, a quoted rule message, a CEL rule) still do.
 */
import { describe, expect, test } from "vitest";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

/** A spec with one field `f` of `type`, whose doc comment is `lines`. */
const field = (lines: readonly string[], type = "string", prelude = "") =>
  withRoot(`{\n  /**\n${lines.map((l) => `   * ${l}\n`).join("")}   */\n  f?: ${type};\n}`, prelude);

const MOVE = "the lines below a tag are part of its text: put the documentation above the tags, and write ";

/** The one error of a source, as `message || hint`. */
function theError(source: string): string {
  const errors = errorsOf(source);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return `${errors[0]!.message} || ${errors[0]!.hint ?? ""}`;
}

describe("documentation below a tag", () => {
  test.each<[string, string, string, string?]>([
    ["@maxLength 63", "@maxLength expects a non-negative integer", "@maxLength 63"],
    ["@minimum 0", "@minimum expects a number", "@minimum 0", "number"],
    ["@pattern ^[a-z]+$", "@pattern spans several lines", "@pattern ^[a-z]+$"],
    ["@default 3", "@default expects a JSON value", "@default 3", "number"],
    ["@default Always", "@default expects a JSON value", "@default Always"],
    ["@listType set", "@listType expects one of atomic | set | map", "@listType set", "string[]"],
    ["@format int32", "@format expects a single word", "@format int32", "number"],
    [
      "@exactlyOneOf a,b",
      "@exactlyOneOf expects property names",
      "@exactlyOneOf a,b",
      "{ a?: string; b?: string }",
    ],
    // The first line in a form the tag's own hint (or plainArgument) rewrites.
    ["@atMostOneOf a b", "@atMostOneOf expects", "@atMostOneOf a,b", "{ a?: string; b?: string }"],
    ["@maxLength=63", "@maxLength expects a non-negative integer", "@maxLength 63"],
    ["@validation self.size() > 0", "@validation reads", "@validation self.size() > 0"],
    [
      '@validation rule="self.size() > 0" message="not empty"',
      "@validation cannot read",
      '@validation rule="self.size() > 0" message="not empty"',
    ],
  ])("%s, then a line of documentation", (tag, message, written, type) => {
    const [error, hint] = theError(field([tag, "The documentation of f."], type)).split(" || ");
    expect(error!.startsWith(message), error).toBe(true);
    expect(hint).toBe(MOVE + written);
    // Following the hint works.
    expect(generateFrom(field(["The documentation of f.", written], type)).diagnostics).toEqual([]);
  });

  test.each(["@nullable", "@preserveUnknownFields", "@immutable"])(
    "%s, a flag, then a sentence: its text was never on its line",
    (flag) => {
      const type = flag === "@preserveUnknownFields" ? "Record<string, unknown>" : "string";
      expect(theError(field([flag, "Can be left out, or null."], type))).toBe(
        `${flag} takes no argument, got "Can be left out, or null.". || a tag's text runs to the next tag, the lines below it included: put the documentation above the tags, and write ${flag}`,
      );
    },
  );

  test.each([
    ["in a comment of several lines", (flag: string) => field([flag + " once set, never changes"])],
    [
      "in a one-line comment",
      (flag: string) => withRoot(`{\n  /** ${flag} once set, never changes */\n  f?: string;\n}`),
    ],
  ])("a flag with words on its own line (%s): they go, not below", (_, source) => {
    expect(theError(source("@immutable"))).toBe(
      '@immutable takes no argument, got "once set, never changes". || write @immutable alone; documentation goes above the tags',
    );
  });

  test("a flag with one word after it keeps its own hint", () => {
    expect(theError(field(["@nullable true"]))).toBe(
      '@nullable takes no argument, got "true". || write @nullable',
    );
  });

  test("a refused first line gets the tag's own hint, not a guess", () => {
    expect(theError(field(["@maxLength sixty", "The documentation."]))).toBe(
      '@maxLength expects a non-negative integer, got "sixty\nThe documentation.". || write @maxLength <count>',
    );
  });

  test("a key=value continued below is the tag's own error", () => {
    const [, hint] = theError(field(['@validation rule="self.size() > 0"', "reason=Bogus"])).split(" || ");
    expect(hint).toBe(
      "write " +
        '@validation rule="<cel>" [message="..."] [messageExpression="..."] [reason=<r>] [fieldPath=<.p>] [optionalOldSelf]',
    );
  });
});

describe("values that span lines still do", () => {
  test("a JSON default", () => {
    expect(
      specSchema(field(["@default {", '  "a": 1', "}"], "{ a?: number }")).properties!.f!.default,
    ).toEqual({
      a: 1,
    });
  });

  test("a CEL rule over several lines, with a message", () => {
    const rules = specSchema(
      field(['@validation rule="self.size() > 0 &&', '  self.size() < 9"', 'message="between 1 and 8"']),
    ).properties!.f!["x-kubernetes-validations"];
    expect(rules).toEqual([{ rule: "self.size() > 0 &&\n  self.size() < 9", message: "between 1 and 8" }]);
  });

  test("a bare CEL rule over several lines is still Kubernetes' error (it needs a message)", () => {
    const errors = errorsOf(field(["@validation self.size() > 0 &&", "  self.size() < 9"]));
    expect(errors.map((e) => e.message).join("\n")).toMatch(
      /message must be specified if rule contains line breaks/,
    );
  });

  test("free text keeps the lines below: @deprecated, @title", () => {
    const f = specSchema(field(["@title Short", "@deprecated use g", "Since v2."])).properties!.f!;
    expect(f.title).toBe("Short");
    expect(f.description).toBe("Deprecated: use g\nSince v2.");
  });

  test("a rule message over several lines is one line", () => {
    const rules = specSchema(field(['@validation rule="self.size() > 0" message="must not', 'be empty"']))
      .properties!.f!["x-kubernetes-validations"];
    expect(rules).toEqual([{ rule: "self.size() > 0", message: "must not be empty" }]);
  });
});
