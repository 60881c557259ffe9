/**
 * Descriptions as TSDoc writes them: the `@remarks` section is part of the documentation, and
 * inline `{@link}` tags read as their text, not as raw markup in the CRD.
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

/** The description of `spec.f` written with the doc comment lines `lines`. */
function descriptionOf(lines: string[], type = "string"): string | undefined {
  const comment = `  /**\n${lines.map((l) => `   * ${l}`).join("\n")}\n   */`;
  return specSchema(withRoot(`{\n${comment}\n  f?: ${type};\n}`)).properties!.f!.description;
}

describe("@remarks", () => {
  test("is added to the description after a blank line", () => {
    expect(descriptionOf(["The summary.", "@remarks", "The details,", "on two lines."])).toBe(
      "The summary.\n\nThe details,\non two lines.",
    );
  });

  test("on one line with the summary, and alone", () => {
    expect(descriptionOf(["Summary. @remarks Details. @maxLength 3"])).toBe("Summary.\n\nDetails.");
    expect(descriptionOf(["@remarks Only details."])).toBe("Only details.");
  });

  test("comes before a deprecation note", () => {
    expect(descriptionOf(["Summary.", "@remarks Details.", "@deprecated use g"])).toBe(
      "Summary.\n\nDetails.\n\nDeprecated: use g",
    );
  });
});

describe("inline links", () => {
  test.each([
    ["{@link Spec}", "Spec"],
    ["{@link Spec.f}", "Spec.f"],
    ["{@link Spec | the spec}", "the spec"],
    ["{@link Spec|the spec}", "the spec"],
    ["{@link Spec the spec}", "the spec"],
    ["{@linkcode Spec}", "Spec"],
    ["{@linkplain Spec | the spec}", "the spec"],
    ["{@link https://example.com/a?b=1}", "https://example.com/a?b=1"],
    ["{@link https://example.com/docs | the docs}", "the docs (https://example.com/docs)"],
    ["{@link https://example.com/docs the docs}", "the docs (https://example.com/docs)"],
  ])("%s reads as %j", (link, text) => {
    expect(descriptionOf([`See ${link} here.`])).toBe(`See ${text} here.`);
  });

  test("in @remarks and in a deprecation note", () => {
    expect(descriptionOf(["A.", "@remarks Like {@link Spec}.", "@deprecated use {@link Spec | g}"])).toBe(
      "A.\n\nLike Spec.\n\nDeprecated: use g",
    );
  });

  test("other braces stay", () => {
    expect(descriptionOf(["Written as {a: 1}, or {@inheritDoc}."])).toBe(
      "Written as {a: 1}, or {@inheritDoc}.",
    );
  });
});
