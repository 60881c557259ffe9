/**
 * First-day mistakes: each message says what is wrong in the user's words, at the place, with a
 * hint that works when followed as written.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { rejectionHint } from "../../src/diagnostics/rejection-hints.js";
import { describeWriteFailure } from "../../src/runtime/fs-error.js";
import { makeDirs } from "../../src/runtime/make-dirs.js";
import { errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

/** The one error of `source`, as code, message and hint. */
function onlyError(source: string): { code: string; message: string; hint: string | undefined } {
  const errors = errorsOf(source);
  expect(errors).toHaveLength(1);
  const { code, message, hint } = errors[0]!;
  return { code, message, hint };
}

describe("@pattern written as JavaScript", () => {
  test("a regex literal is refused, and the hint's pattern is the one meant", () => {
    const e = onlyError(withRoot("{\n  /** @pattern /^[a-z]+$/i */\n  name: string;\n}"));
    expect(e.message).toContain("JavaScript regular expression literal");
    expect(e.hint).toBe("write @pattern (?i)^[a-z]+$");
    // Followed as written, it generates.
    expect(
      specSchema(withRoot("{\n  /** @pattern (?i)^[a-z]+$ */\n  name: string;\n}")).properties!.name!.pattern,
    ).toBe("(?i)^[a-z]+$");
  });

  test("slashes that are part of a path are no regex literal", () => {
    expect(
      specSchema(withRoot("{\n  /** @pattern /v1/ */\n  path: string;\n}")).properties!.path!.pattern,
    ).toBe("/v1/");
  });

  test.each([
    ["^(?=.*[a-z]).+$", /no look-ahead or look-behind/],
    ["(?<!a)b", /no look-ahead or look-behind/],
    ["^(a)\\1$", /no back-references/],
    ["a++", /no possessive quantifiers/],
  ])("%s gets a hint about the JavaScript feature RE2 lacks", (pattern, hint) => {
    const e = onlyError(withRoot(`{\n  /** @pattern ${pattern} */\n  name: string;\n}`));
    expect(e.message).toContain("RE2 syntax");
    expect(e.hint).toMatch(hint);
  });

  test.each([
    ["[a-z0-9-]*", "^[a-z0-9-]*$"],
    [".*", "^.*$"],
    ["(v[0-9]+)?", "^(v[0-9]+)?$"],
    ["a*|b", "^(a*|b)$"],
  ])(
    "%s, unanchored and matching the empty text, checks nothing: an error whose hint anchors it",
    (pattern, anchored) => {
      const e = onlyError(withRoot(`{\n  /** @pattern ${pattern} */\n  name: string;\n}`));
      expect(e.message).toContain("matches every string");
      expect(e.hint).toBe(`anchor it to match the whole value: @pattern ${anchored}`);
      expect(errorsOf(withRoot(`{\n  /** @pattern ${anchored} */\n  name: string;\n}`))).toEqual([]);
    },
  );

  test.each(["[a-z]+", "-", "\\bword"])("%s needs some text (or an anchor) to match: no error", (pattern) => {
    expect(errorsOf(withRoot(`{\n  /** @pattern ${pattern} */\n  name: string;\n}`))).toEqual([]);
  });

  test("\\u escapes get the pattern in RE2's \\x{...}, which compiles", () => {
    const e = onlyError(withRoot("{\n  /** @pattern ^caf\\u00e9$ */\n  name: string;\n}"));
    expect(e.hint).toBe("RE2 writes a character by its code as \\x{...}: write @pattern ^caf\\x{00e9}$");
    expect(errorsOf(withRoot("{\n  /** @pattern ^caf\\x{00e9}$ */\n  name: string;\n}"))).toEqual([]);
  });
});

describe("types a CRD cannot hold", () => {
  test("an enum mixing strings and numbers names a member to rewrite", () => {
    const e = onlyError(withRoot("{ mode: Mode }", 'export enum Mode { Fast = 1, Slow = "slow" }'));
    expect(e.message).toContain("an enum mixing strings and numbers (Mode)");
    expect(e.hint).toBe(
      'a Kubernetes field has one type: give every member of Mode a string value (Fast = "1")',
    );
  });

  test("Record<number, T> says that JSON keys are strings", () => {
    const e = onlyError(withRoot("{ x: Record<number, string> }"));
    expect(e.message).toContain("a map with number keys");
    expect(e.hint).toMatch(/^JSON object keys are strings: use Record<string, T>/);
  });

  test("an int32 not imported gets the import", () => {
    const e = onlyError(withRoot("{ replicas: int32 }"));
    expect(e.message).toBe("TS2304: Cannot find name 'int32'.");
    expect(e.hint).toBe('int32 is one of crdgen\'s types: add `import type { int32 } from "crdgen";`');
  });

  test("a name crdgen does not export gets no such hint", () => {
    expect(onlyError(withRoot("{ replicas: Int32 }")).hint).toBeUndefined();
  });

  test("a Set of objects is warned about as a Set, not as uniqueItems", () => {
    const result = generateFrom(withRoot("{ x: Set<{ a: string }> }"));
    const warning = result.diagnostics.find((d) => d.code === "CRD3004");
    expect(warning?.message).toMatch(/^This list's items are meant to be unique \(a Set, or @uniqueItems\)/);
    expect(warning?.message).not.toContain("uniqueItems is");
  });
});

describe("no CRD, or the wrong thing tagged", () => {
  test.each([
    ["// @crd\n// @group example.com\n// @version v1\n", /not \/\/ comments/],
    ["/* @crd @group example.com @version v1 */\n", /starts with \/\*\* \(two stars\)/],
    [
      "/** @group example.com @version v1 */\n",
      /^add @crd to the doc comment of Widget, next to its @group$/,
    ],
  ])("%j says what the root lacks", (doc, hint) => {
    const e = onlyError(`${doc}export interface Widget { spec: { a: string } }\n`);
    expect(e.code).toBe("CRD1007");
    expect(e.hint).toMatch(hint);
  });

  test('@crd on a class is an error at the class, not "No CRD found"', () => {
    const errors = errorsOf(
      "/** @crd @group example.com @version v1 */\nexport class Widget { spec!: { a: string } }\n",
    );
    expect(errors.map((e) => [e.code, e.location?.line, e.location?.column, e.message])).toEqual([
      ["CRD1013", 2, 14, "Widget is tagged @crd but is a class: a CRD root is an interface or a type alias."],
    ]);
  });

  test('@crd inside a namespace is an error at the declaration, not "No CRD found"', () => {
    const source =
      "export namespace api.v1 {\n  /** @crd @group example.com @version v1 */\n  export interface Widget { spec: { a: string } }\n}\n";
    const errors = errorsOf(source);
    expect(errors.map((e) => [e.code, e.location?.line, e.location?.column, e.path])).toEqual([
      ["CRD1013", 3, 20, "api.v1.Widget"],
    ]);
    expect(errors[0]!.message).toBe(
      "Widget is tagged @crd inside namespace api.v1: a CRD root is declared at the top level of its file.",
    );
    // Out of the namespace, the same declaration is a root.
    expect(generateFrom(source.replace("export namespace api.v1 {\n", "").replace(/\n}\n$/, "\n")).ok).toBe(
      true,
    );
  });
});

describe("what the API server refuses, with a hint at the tag", () => {
  test('@default "3" on a number', () => {
    const e = onlyError(withRoot('{\n  /** @default "3" */\n  replicas?: number;\n}'));
    expect(e.code).toBe("CRD2001");
    expect(e.hint).toMatch(/^@default takes JSON, and its value must have the field's type/);
  });

  test("a @default outside the enum", () => {
    const e = onlyError(withRoot('{\n  /** @default Always */\n  policy?: "Never" | "IfNotPresent";\n}'));
    expect(e.hint).toBe(
      "the @default value must be one of the values the field's type allows (listed above)",
    );
  });

  test("a @default its format refuses: the format, with a value it takes (kube-openapi calls it a type)", () => {
    const e = onlyError(withRoot('{\n  /** @default "soon" @format date-time */\n  at?: string;\n}'));
    expect(e.message).toContain("must be of type date-time");
    expect(e.hint).toBe(
      'the @default value is no date-time, the field\'s format: give one it accepts (@default "2024-01-01T00:00:00Z")',
    );
    expect(
      onlyError(withRoot('{\n  /** @default "soon" @format duration */\n  wait?: string;\n}')).hint,
    ).toBe('the @default value is no duration, the field\'s format: give one it accepts (@default "1h30m")');
    expect(onlyError(withRoot('{\n  /** @default "x" @format ipv6 */\n  ip?: string;\n}')).hint).toBe(
      "the @default value is no ipv6, the field's format: give one it accepts",
    );
  });

  test("errors elsewhere get no @default hint", () => {
    expect(
      rejectionHint({ type: "FieldValueInvalid", field: "spec.names.kind", detail: "x" }),
    ).toBeUndefined();
  });
});

describe("printer columns naming no field", () => {
  const root = (path: string) =>
    `/** @crd @group example.com @version v1\n * @printColumn name=R type=integer jsonPath=${path}\n */\nexport interface Widget { spec: { replicas: number } }\n`;

  test("a near name is suggested", () => {
    expect(onlyError(root(".spec.replica")).hint).toBe("did you mean .spec.replicas?");
  });

  test("else the fields there are listed", () => {
    expect(onlyError(root(".status.ready")).hint).toBe(
      "Widget has apiVersion, kind, metadata, spec: fix the path, or add a status field to the type",
    );
  });
});

describe("an output folder that is a file", () => {
  test("below the file, the file is named, not the folder that could not be made", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-newcomer-"));
    const file = path.join(dir, "taken");
    await writeFile(file, "");
    let thrown: unknown;
    try {
      makeDirs(path.join(file, "a", "b"));
    } catch (e) {
      thrown = e;
    }
    expect(describeWriteFailure(thrown, "--out-dir")).toEqual({
      message: `could not write output: ${file} is a file, not a folder`,
      hint: "give --out-dir a folder, or a path where one can be made",
    });
  });
});
