/**
 * The one-of tags (@exactlyOneOf, @atMostOneOf, @atLeastOneOf) as a porter of Tekton's and
 * Argo CD's types writes them: names separated by spaces, a name misspelt, documentation below
 * the tag. Each is an error at the tag whose hint is what to write, and following it works.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import { generateFromProgram } from "../../src/generate.js";
import { loadProgram, refreshProgram } from "../../src/read/program.js";
import { RunCaches } from "../../src/run-caches.js";
import { errorsOf, generateFrom, withRoot } from "../helpers/generate.js";

const tagged = (doc: string, body = "{ name?: string; selector?: string; other?: string }") =>
  withRoot(`{\n  /** ${doc} */\n  ref?: Ref;\n}`, `export interface Ref ${body}`);

/** The one error of a source, as `code | message | hint`. */
function theError(source: string): string {
  const errors = errorsOf(source);
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return `${errors[0]!.code} | ${errors[0]!.message} | ${errors[0]!.hint ?? ""}`;
}

describe("one-of names separated by spaces", () => {
  test.each([
    ["@exactlyOneOf name selector", "@exactlyOneOf name,selector"],
    ["@atMostOneOf name, selector other", "@atMostOneOf name,selector,other"],
    ["@atLeastOneOf name selector;other", "@atLeastOneOf name,selector,other"],
  ])("%s: the hint writes them with commas", (doc, written) => {
    expect(theError(tagged(doc))).toMatch(new RegExp(`^CRD1004 \\| .* \\| write ${written}$`));
    expect(generateFrom(tagged(written)).ok).toBe(true);
  });

  test("one name: the example hint names the tag written", () => {
    expect(theError(tagged("@atMostOneOf name"))).toBe(
      'CRD1004 | @atMostOneOf expects two or more field names separated by commas, got "name". | write e.g. @atMostOneOf image,imageRef',
    );
  });

  test("a name given twice is not made a list", () => {
    expect(theError(tagged("@atLeastOneOf name name"))).toMatch(
      /\| write e\.g\. @atLeastOneOf image,imageRef$/,
    );
  });

  test("documentation below the tag is read as its text: the hint says to move it", () => {
    const source = withRoot(
      "{\n  /**\n   * @exactlyOneOf name,selector\n   * Exactly one of them says which.\n   */\n  ref?: Ref;\n}",
      "export interface Ref { name?: string; selector?: string }",
    );
    expect(theError(source)).toBe(
      'CRD1004 | @exactlyOneOf expects property names, got "selector\nExactly one of them says which.". | the lines below a tag are part of its text: put the documentation above the tags, and write @exactlyOneOf name,selector',
    );
  });
});

describe("a one-of name the object does not have", () => {
  test("an error at the tag, with the property meant and the properties there", () => {
    const errors = errorsOf(tagged("@exactlyOneOf name,selectr"));
    expect(errors).toEqual([
      {
        severity: "error",
        code: "CRD3009",
        message: "@exactlyOneOf names selectr, which is not a property of this object.",
        hint: "did you mean selector? its properties: name, selector, other",
        path: "Widget.spec.ref",
        // The tag with its text: `@exactlyOneOf name,selectr`.
        location: { file: "/project/types.ts", line: 9, column: 7, endLine: 9, endColumn: 33 },
      },
    ]);
    expect(generateFrom(tagged("@exactlyOneOf name,selector")).ok).toBe(true);
  });

  test("several names: each with the one meant, when one is near", () => {
    expect(theError(tagged("@atMostOneOf Name,selectr,image"))).toBe(
      "CRD3009 | @atMostOneOf names Name, selectr and image, which are not properties of this object. | did you mean name (for Name) and selector (for selectr)? its properties: name, selector, other",
    );
    expect(theError(tagged("@atLeastOneOf name,image"))).toBe(
      "CRD3009 | @atLeastOneOf names image, which is not a property of this object. | its properties: name, selector, other",
    );
  });

  test("on a named type used in several places: said once, at the type's tag", () => {
    const source = withRoot(
      "{ a?: Ref; b?: Ref[]; c?: Record<string, Ref> }",
      "/** @exactlyOneOf name,selectr */\nexport interface Ref { name?: string; selector?: string }",
    );
    const errors = errorsOf(source);
    expect(errors.map((e) => [e.code, e.location?.line, e.location?.column])).toEqual([["CRD3009", 1, 5]]);
  });

  test("on the root: apiVersion, kind and metadata are fields of every resource", () => {
    const root = (tag: string) => `/**
 * @crd
 * @group example.com
 * @version v1
 * ${tag}
 */
export interface Widget { spec?: { a?: string }; status?: { b?: string } }`;
    expect(theError(root("@atLeastOneOf spec,stats"))).toBe(
      "CRD3009 | @atLeastOneOf names stats, which is not a property of this object. | did you mean status? its properties: apiVersion, kind, metadata, spec, status",
    );
    expect(generateFrom(root("@atMostOneOf spec,kind")).ok).toBe(true);
  });

  test("a union's members add up to the object the rule checks", () => {
    const source = (names: string) =>
      withRoot(
        `{\n  /** @atMostOneOf ${names} */\n  src?: { kind: "git"; url?: string } | { kind: "oci"; image?: string };\n}`,
      );
    expect(generateFrom(source("url,image")).ok).toBe(true);
    expect(theError(source("url,imag"))).toMatch(
      /^CRD3009 \| .* \| did you mean image\? its properties: kind, url, image$/,
    );
  });

  test("a map's keys are not checked (has() asks for a key), nor a field of no type (CEL says why)", () => {
    expect(generateFrom(tagged("@exactlyOneOf a,b", "{ [key: string]: string }")).ok).toBe(true);
    const [unknown] = errorsOf(withRoot("{\n  /** @exactlyOneOf a,b */\n  u?: unknown;\n}"));
    expect(unknown!.code).toBe("CRD2001");
    expect(unknown!.hint).toContain("needs the field's type");
  });

  test("a watch session says it on every run until it is fixed", () => {
    const fs = new InMemoryFileSystemHost();
    fs.writeFileSync("/p/types.ts", tagged("@exactlyOneOf name,selectr"));
    let loaded = loadProgram({ entries: ["types.ts"], cwd: "/p", fileSystem: fs });
    const caches = new RunCaches();
    const options = { entries: ["types.ts"], cwd: "/p", typeCheck: false };
    const codes = () => generateFromProgram(loaded, options, caches).diagnostics.map((d) => d.code);
    expect(codes()).toEqual(["CRD3009"]);
    expect(codes()).toEqual(["CRD3009"]);
    fs.writeFileSync("/p/types.ts", tagged("@exactlyOneOf name,selector"));
    loaded = refreshProgram(loaded, ["/p/types.ts"]);
    expect(codes()).toEqual([]);
  });
});
