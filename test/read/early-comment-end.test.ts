/**
 * A star and a slash inside a doc comment end it (a `@pattern` with Kubernetes' qualified-name
 * pattern): the first of the syntax errors that follow says so and how to write it.
 */
import { describe, expect, test } from "vitest";
import { generateFrom, withRoot } from "../helpers/generate.js";

const HINT =
  /ends at the \*\/ on line (\d+), column (\d+); a `\*\/` inside a doc comment ends it: write `\*\\\/`/;

function syntaxErrors(source: string) {
  const result = generateFrom(source);
  expect(result.ok).toBe(false);
  return result.diagnostics.filter((d) => d.code === "CRD1001");
}

describe("a doc comment ended early by a star and a slash", () => {
  test("in a @pattern in the middle of a line: the first error names where the comment ended", () => {
    const source = withRoot(
      "{\n  /**\n   * The type.\n   * @pattern ^([a-z]*/)?[a-z]+$\n   */\n  type: string;\n}",
    );
    const [first, ...rest] = syntaxErrors(source);
    expect(first!.location).toMatchObject({ line: 11, column: 24 });
    expect(first!.hint).toMatch(HINT);
    expect(HINT.exec(first!.hint!)!.slice(1)).toEqual(["11", "22"]);
    // The cascade is still reported (it is what TypeScript says), without the hint.
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((d) => d.hint === undefined)).toBe(true);
  });

  test("at the end of a line, in a one-line doc comment, and in a description", () => {
    const ends = withRoot("{\n  /**\n   * @pattern ^[a-z]*/\n   */\n  type: string;\n}");
    expect(syntaxErrors(ends)[0]!.hint).toMatch(HINT);
    const oneLine = withRoot("{\n  /** @pattern ^([a-z]*/)?[a-z]+$ */\n  type: string;\n}");
    expect(syntaxErrors(oneLine)[0]!.hint).toMatch(HINT);
    const prose = withRoot("{\n  /**\n   * Files as in a*/b.\n   */\n  type: string;\n}");
    expect(syntaxErrors(prose)[0]!.hint).toMatch(HINT);
  });

  test("no hint for a syntax error after a doc comment that ends where it should", () => {
    const spaced = withRoot("{\n  /** @maxLength 5 */\n  name string;\n}");
    expect(syntaxErrors(spaced)[0]!.hint).toBeUndefined();
    // Glued to its text but ended as meant: escaping it would not help.
    const glued = withRoot("{\n  /** The name.*/\n  name string;\n}");
    expect(syntaxErrors(glued)[0]!.hint).toBeUndefined();
    const unended = withRoot("{\n  /** @maxLength 5*/ name string;\n}");
    expect(syntaxErrors(unended)[0]!.hint).toBeUndefined();
    const far = withRoot("{\n  /** @maxLength 5*/\n  name: string;\n\n\n  other string;\n}");
    expect(syntaxErrors(far)[0]!.hint).toBeUndefined();
  });

  test("written escaped, the pattern is read as RE2 reads it", () => {
    const result = generateFrom(withRoot("{\n  /** @pattern ^([a-z]*\\/)?[a-z]+$ */\n  type: string;\n}"));
    expect(result.ok).toBe(true);
    const spec = result.ok
      ? result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!
      : {};
    expect(spec.properties!.type!.pattern).toBe("^([a-z]*\\/)?[a-z]+$");
  });
});
