/**
 * Doc comments read on demand (files parsed without JSDoc, as tsc parses them) must give the
 * same descriptions and tags as a parse with all JSDoc attached: the comments below are read
 * both ways and compared, hand-picked ones and generated ones.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { plainLocation } from "../../src/diagnostics/diagnostic.js";
import { canReadDocsLazily, readDoc, type DocInfo } from "../../src/read/jsdoc.js";
import { tsApi } from "../../src/read/typescript.js";
import { generateFrom, withRoot } from "../helpers/generate.js";

/** The docs of every declaration in `text` that crdgen reads docs of, in source order. */
function docsOf(text: string, mode: ts.JSDocParsingMode): DocInfo[] {
  const sf = tsApi.createSourceFile(
    "/p/types.ts",
    text,
    { languageVersion: tsApi.ScriptTarget.ES2022, jsDocParsingMode: mode },
    true,
  );
  const out: DocInfo[] = [];
  const visit = (node: ts.Node): void => {
    if (
      tsApi.isInterfaceDeclaration(node) ||
      tsApi.isTypeAliasDeclaration(node) ||
      tsApi.isEnumDeclaration(node) ||
      tsApi.isClassDeclaration(node) ||
      tsApi.isPropertySignature(node) ||
      tsApi.isPropertyDeclaration(node) ||
      tsApi.isParameter(node) ||
      tsApi.isTypeLiteralNode(node)
    ) {
      // Tag origins are worked out when read: compare where they point, not the lazy objects.
      const doc = readDoc(node);
      out.push({ ...doc, tags: doc.tags.map((t) => ({ ...t, origin: plainLocation(t.origin) })) });
    }
    tsApi.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function expectSameDocs(text: string): void {
  const eager = docsOf(text, tsApi.JSDocParsingMode.ParseAll);
  const lazy = docsOf(text, tsApi.JSDocParsingMode.ParseForTypeErrors);
  expect(lazy).toEqual(eager);
}

const CASES: Record<string, string> = {
  "tags on one line with the description": `/** Name of the thing. @maxLength 63 */
export interface A { /** How many. @minimum 0 @default 6 */ n?: number }`,
  "several blocks: the last wins": `/** first @crd */
/** second
 * @group example.com
 */
export interface B { a: string }`,
  "braces, @ and JSON kept verbatim": `export interface C {
  /**
   * A pattern. @pattern ^[a-z]+@[a-z]+\\.com$
   * @default {"a": [1, 2], "b": {"c": "@x"}}
   * @validation rule="self.all(x, x.startsWith('@'))" message="starts with an at sign"
   */
  c: string;
}`,
  "links and see tags (parsed by tsc too)": `/** Like {@link B} and {@linkcode A.n}. @see https://example.com */
export interface D { /** Uses {@link D}. */ d: string }`,
  "JSDoc's own tags": `/**
 * @example
 *   const x = { a: 1 };
 * @type {string}
 * @deprecated "use e2"
 * @param x the x
 */
export type E = string;`,
  "not JSDoc: line comments, plain blocks and /**/": `// @crd
/* @group x */
/**/
export interface F { /* @minimum 1 */ f: number }`,
  "CRLF line ends":
    "/**\r\n * Line one.\r\n * Line two.\r\n * @maxLength 3\r\n */\r\nexport interface G { g: string }",
  "enum, class and a parameter property": `/** Modes. @title Mode */
export enum Mode { A = "a" }
/** A class. */
export class H { /** Field. */ h = 1; constructor(/** Param. @minimum 1 */ public p: number) {} }`,
  "an empty comment and a tag without text": `/** */
export interface I { /** @nullable */ i: string | null }`,
  "controller-gen markers, in the description and in a tag's text": `/**
 * Widget.
 * +kubebuilder:printcolumn:name="Ready",type=string,JSONPath=".status.ready"
 * +genclient
 * @example
 * +optional
 */
export interface J { /** +optional */ j?: string; /** +listType=set @maxItems 3 */ k?: string[] }`,
  "@remarks, inline links and an enum member as a default": `enum Phase { Pending = "pending" }
/**
 * See {@link J | the J} and {@linkcode https://example.com docs}.
 * @remarks More, {@link K}.
 */
export interface K { /** @default Phase.Pending */ phase?: Phase }`,
};

describe("readDoc on files parsed without JSDoc", () => {
  it("is available with ts-morph's TypeScript", () => {
    expect(canReadDocsLazily).toBe(true);
  });

  for (const [name, text] of Object.entries(CASES)) {
    it(`reads what a full JSDoc parse gives: ${name}`, () => expectSameDocs(text));
  }

  it("reads comments TypeScript's JSDoc parser never returns on (a word ending in `-*/`)", () => {
    // TypeScript 5.9 and 6.0 loop forever on `/** a-*/` when they parse its JSDoc (tsc parses
    // without it). A separate process, so that a regression fails this test instead of hanging.
    const script = `
      import { tsApi } from "./dist/src/read/typescript.js";
      import { readDoc } from "./dist/src/read/jsdoc.js";
      const docs = ["/** a-*/", "/** é-*/", "/** @minimum 1 a-*/", "/**\\n * @x\\n * cut-*/"].map((c) => {
        const sf = tsApi.createSourceFile("/p/t.ts", c + "\\nexport interface A { a: string }\\n",
          { languageVersion: tsApi.ScriptTarget.ES2022, jsDocParsingMode: tsApi.JSDocParsingMode.ParseForTypeErrors }, true);
        const doc = readDoc(sf.statements[0]);
        return [doc.description, doc.tags.map((t) => [t.name, t.text])];
      });
      process.stdout.write(JSON.stringify(docs));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.signal).toBeNull();
    expect(JSON.parse(run.stdout)).toEqual([
      ["a-", []],
      ["é-", []],
      [null, [["minimum", "1 a-"]]],
      [null, [["x", "cut-"]]],
    ]);
  });

  it("reads the tag text and the position of each tag", () => {
    const [doc] = docsOf(
      CASES["braces, @ and JSON kept verbatim"]!,
      tsApi.JSDocParsingMode.ParseForTypeErrors,
    ).filter((d) => d.tags.length > 0);
    expect(doc?.tags.map((t) => [t.name, t.text, t.origin.line, t.origin.column])).toEqual([
      ["pattern", "^[a-z]+@[a-z]+\\.com$", 3, 17],
      ["default", '{"a": [1, 2], "b": {"c": "@x"}}', 4, 6],
      ["validation", `rule="self.all(x, x.startsWith('@'))" message="starts with an at sign"`, 5, 6],
    ]);
  });

  it("reads one-line comments of any printable text as a full JSDoc parse does", () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
      maxLength: 30,
    });
    fc.assert(
      fc.property(printable, printable, (onType, onField) => {
        // A word ending in a dash right before `*/` hangs TypeScript's own full parse (see below).
        fc.pre(![onType, onField].some((c) => c.includes("*/") || c.endsWith("-")));
        expectSameDocs(`/**${onType}*/\nexport interface A {\n  /**${onField}*/ a?: string;\n}\n`);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads one-line comments with tags as a full JSDoc parse does", () => {
    // Shaped like most real tagged comments (`/** Name. @maxLength 63 */`), with the near misses
    // a reader of simple tags must leave to the parser: `a@b`, `@a.b`, `@a-b`, `@1`, `@`, `*`.
    const word = fc.stringMatching(/^[\x21-\x7e]{1,8}$/);
    const tag = fc
      .constantFrom("maxLength", "minimum", "crd", "x", "A9", "a-b", "a.b", "a_b", "1", "", "see", "default")
      .map((t) => `@${t}`);
    const space = fc.constantFrom(" ", "  ", "");
    const line = fc
      .array(fc.tuple(space, fc.oneof(word, word, tag)), { maxLength: 10 })
      .map((parts) => parts.map(([s, p]) => s + p).join(""));
    fc.assert(
      fc.property(line, space, line, (onType, end, onField) => {
        fc.pre(![onType, onField].some((c) => c.includes("*/") || c.endsWith("-")));
        expectSameDocs(
          `/**${onType}${end}*/\nexport interface A {\n  /**${onField}${end}*/ a?: string;\n}\n`,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("reads generated comments as a full JSDoc parse does", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.:/"'{}[\],=<>|*-]{1,12}$/);
    const tagName = fc.constantFrom("crd", "minimum", "default", "see", "deprecated", "link", "example", "x");
    const piece = fc.oneof(
      word,
      tagName.map((t) => `@${t}`),
      fc.constantFrom(" ", "  ", "\n * ", "\n ", "\n", "{@link A}", "@", "*", "/"),
    );
    const comment = fc.array(piece, { maxLength: 14 }).map((ps) => `/**${ps.join(" ")} */`);
    fc.assert(
      fc.property(comment, comment, (onType, onField) => {
        // A word with `-*/` in it ends the comment with a dash: TypeScript's own full parse, the
        // reference here, may then never return (see above); it hung a whole test run once.
        fc.pre(![onType, onField].some((c) => c.includes("-*/")));
        expectSameDocs(`${onType}\nexport interface A {\n  ${onField}\n  a?: string;\n}\n`);
      }),
      { numRuns: 400 },
    );
  });
});

describe("a tagged doc comment TypeScript attaches to nothing", () => {
  /** The warnings of a spec written as `body`. */
  const warnings = (body: string) =>
    generateFrom(withRoot(body)).diagnostics.map((d) => [
      d.severity,
      d.code,
      d.path,
      d.location?.line,
      d.location?.column,
    ]);

  it("is a warning at the comment when it follows the token before a property on its line", () => {
    expect(warnings("{ /** @maxItems 3 */ a: string[] }")).toEqual([
      ["warning", "CRD1014", "Widget.spec.a", 8, 25],
    ]);
    expect(warnings("{\n  b: string; /** @minimum 1 */ c: number;\n}")).toEqual([
      ["warning", "CRD1014", "Widget.spec.c", 9, 14],
    ]);
  });

  it("is a warning when it follows the property itself: before its `;`, or after the last member", () => {
    expect(warnings("{ a: string /** @maxLength 3 */; b: number }")).toEqual([
      ["warning", "CRD1014", "Widget.spec.a", 8, 35],
    ]);
    expect(warnings("{\n  a: string;\n  d: string; /** @maxLength 5 */\n}")).toEqual([
      ["warning", "CRD1014", "Widget.spec.d", 10, 14],
    ]);
    // The last member without a separator, in a nested type literal.
    expect(warnings("{ w: { a: string /** @maxLength 3 */ } }")).toEqual([
      ["warning", "CRD1014", "Widget.spec.w.a", 8, 40],
    ]);
    const [warning] = generateFrom(withRoot("{ a: string /** @maxLength 3 */; }")).diagnostics;
    expect(warning?.message).toMatch(/^This doc comment follows the property on its line/);
  });

  it("is a warning once per comment, whether or not the property after it has a doc comment", () => {
    expect(warnings("{ a: string; /** @minimum 1 */ b: number }")).toEqual([
      ["warning", "CRD1014", "Widget.spec.b", 8, 36],
    ]);
    expect(warnings("{\n  b: string; /** @minimum 1 */\n  /** C. */\n  c: number;\n}")).toEqual([
      ["warning", "CRD1014", "Widget.spec.c", 9, 14],
    ]);
    expect(warnings("{ a: string /** @minLength 1 */ /** @maxLength 3 */; }")).toEqual([
      ["warning", "CRD1014", "Widget.spec.a", 8, 35],
      ["warning", "CRD1014", "Widget.spec.a", 8, 55],
    ]);
  });

  it("is one warning for a property that several interfaces inherit", () => {
    const source = withRoot(
      "{ a: A; b: B }",
      "interface Base {\n  x: string; /** @maxLength 3 */\n}\ninterface A extends Base { y?: string }\ninterface B extends Base { z?: string }\n",
    );
    expect(
      generateFrom(source).diagnostics.map((d) => [d.code, d.location?.line, d.location?.column]),
    ).toEqual([["CRD1014", 2, 14]]);
  });

  it("is no warning when the comment has no tags, is not a doc comment, or is on a line of its own", () => {
    expect(warnings("{ /** Just words. */ a: string[] }")).toEqual([]);
    // A plain comment on the line of the token before is that token's (TypeScript's trailing
    // comment), as a Go-style comment after a field is: not read as the next property's.
    expect(warnings("{ /* @maxItems 3 */ a: string[] }")).toEqual([]);
    expect(warnings("{ // @maxItems 3\n  a: string[];\n}")).toEqual([]);
    expect(warnings("{\n  /** @maxItems 3 */ a: string[];\n}")).toEqual([]);
    expect(warnings("{ a: string; b: number } // @x")).toEqual([]);
    expect(warnings("{ a: string; /** Just words. */ }")).toEqual([]);
    expect(warnings("{ a: string /* @maxLength 3 */; }")).toEqual([]);
    expect(warnings("{\n  a: string;\n  /** @maxLength 3 */\n}")).toEqual([]);
  });
});
