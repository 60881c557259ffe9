/**
 * crdgen's tags and controller-gen's markers written in `//` or `/* *\/` comments, which crdgen
 * does not read (TypeScript reads tags from doc comments only): a warning at each, CRD1019.
 */
import { describe, expect, it } from "vitest";
import { generateFrom, withRoot } from "../helpers/generate.js";

/** [code, path, line, column, message, hint] of each diagnostic. */
function diagnosticsOf(source: string) {
  return generateFrom(source).diagnostics.map((d) => [
    d.code,
    d.path,
    d.location?.line,
    d.location?.column,
    d.message,
    d.hint,
  ]);
}

const plain = (source: string) => diagnosticsOf(source).filter((d) => d[0] === "CRD1019");

describe("tags in plain comments", () => {
  it("warns at a property's // tag, which changes nothing in the schema", () => {
    const source = withRoot("{\n  // @maxLength 10\n  name: string;\n}");
    const [warning] = plain(source);
    expect(warning).toEqual([
      "CRD1019",
      "Widget.spec.name",
      9,
      6,
      "@maxLength is in a plain comment, but tags are read from doc comments only (/** */, as TypeScript reads them): it is ignored.",
      "write it in a doc comment, which starts with two stars: /** @maxLength ... */",
    ]);
    const result = generateFrom(source);
    expect(result.ok).toBe(true);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!["spec"]!;
    expect(spec.properties!["name"]).toEqual({ type: "string" });
  });

  it("names every tag of one declaration in one warning, at the first", () => {
    expect(plain(withRoot("{\n  // @minimum 1\n  // @maximum 9\n  n: number;\n}"))).toEqual([
      [
        "CRD1019",
        "Widget.spec.n",
        9,
        6,
        "@minimum and @maximum are in a plain comment, but tags are read from doc comments only (/** */, as TypeScript reads them): they are ignored.",
        "write them in a doc comment, which starts with two stars: /** @minimum ... @maximum ... */",
      ],
    ]);
  });

  it("says how to move a pattern holding a star and a slash, which would end the doc comment", () => {
    const [warning] = plain(
      withRoot("{\n  // @pattern ^([a-z]*/)?[a-z]+$\n  // @maxLength 63\n  n: string;\n}"),
    );
    expect(warning![5]).toBe(
      "write them in a doc comment, which starts with two stars: /** @pattern ... @maxLength ... */; " +
        "a `*/` inside a doc comment ends it: write `*\\/` (RE2 reads `\\/` as `/`): @pattern ^([a-z]*\\/)?[a-z]+$",
    );
  });

  it("reads block comments with one star, and a tag after their margin's `*`", () => {
    const source = withRoot("{\n  /*\n   * Items.\n   * @maxItems 3\n   */\n  items: string[];\n}");
    expect(plain(source).map((d) => d.slice(0, 4))).toEqual([["CRD1019", "Widget.spec.items", 11, 6]]);
  });

  it("warns at a named type's tags, once however often it is used", () => {
    const source = withRoot(
      "{ a: Name; b: Name; c?: Name[] }",
      "// @maxLength 63\nexport type Name = string;\n",
    );
    expect(plain(source).map((d) => d.slice(0, 4))).toEqual([["CRD1019", "Name", 1, 4]]);
  });

  it("warns at a root's own plain-comment tags, and at a `// @crd` that makes no root", () => {
    const source = `// @crd
// @group example.com
// @version v1
export interface Gadget { spec: { a: string } }

/** @crd @group example.com @version v1 */
// @shortName wd
export interface Widget { spec: { a: string } }
`;
    expect(plain(source).map((d) => d.slice(0, 4))).toEqual([
      ["CRD1019", "Gadget", 1, 4],
      ["CRD1019", "Widget", 7, 4],
    ]);
    expect(plain(source)[0]![4]).toMatch(/^@crd, @group and @version are in a plain comment/);
  });

  it("warns at a controller-gen marker in a // comment, with the tag to write", () => {
    const source = withRoot("{\n  // +kubebuilder:validation:Minimum=1\n  replicas?: number;\n}");
    expect(plain(source)).toEqual([
      [
        "CRD1019",
        "Widget.spec.replicas",
        9,
        6,
        "+kubebuilder:validation:Minimum=1 is a controller-gen marker, which crdgen does not read: it is ignored.",
        "write @minimum 1 (in a /** */ doc comment)",
      ],
    ]);
  });

  it("says nothing of +optional on an optional property, and of markers for Go code", () => {
    expect(plain(withRoot("{\n  // +optional\n  a?: string;\n}"))).toEqual([]);
    expect(
      plain(withRoot("{\n  // +kubebuilder:rbac:groups=x,resources=y,verbs=get\n  a?: string;\n}")),
    ).toEqual([]);
    expect(plain(withRoot("{\n  // +optional\n  a: string;\n}")).map((d) => d[1])).toEqual(["Widget.spec.a"]);
  });

  it("ignores what is not crdgen's: TypeScript directives, documentation tags, words with @ or + inside", () => {
    const body = `{
  // @ts-ignore
  // @see https://example.com
  /* we use @minimum elsewhere; a@b.com */
  // +1 to this
  // + not a marker
  a?: string;
  /** @maxLength 3 */
  b: string;
  // plain words
  c: string;
}`;
    expect(diagnosticsOf(withRoot(body))).toEqual([]);
  });

  it("does not read a doc comment as a plain one, nor a tag of the comment above another declaration", () => {
    expect(plain(withRoot("{\n  /** A. */\n  // @maxItems 3\n  a: string[];\n  b: string;\n}")).length).toBe(
      1,
    );
    // The comment belongs before `a`, not `b`; one on the line of the token before is that token's.
    expect(
      plain(withRoot("{\n  // @maxItems 3\n  a: string[];\n  b: string[];\n}")).map((d) => d[1]),
    ).toEqual(["Widget.spec.a"]);
  });
});
