/**
 * controller-gen markers pasted into doc comments: left out of descriptions always, and an error
 * at their line and column when they would shape the CRD (crdgen reads tags, not markers), except
 * in the comments of libraries under node_modules, which are only cleaned.
 */
import { describe, expect, test } from "vitest";
import { mayHoldMarkers, withoutMarkers } from "../../src/read/markers.js";
import { ENTRY, errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

/** Line and column (1-based) of the first `needle` in `source`. */
function positionOf(source: string, needle: string): { line: number; column: number } {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in source`);
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Where `text` (on one line of `source`) starts and ends. */
function spanOf(source: string, text: string) {
  const at = positionOf(source, text);
  return { ...at, endLine: at.line, endColumn: at.column + text.length };
}

describe("a marker that shapes a CRD is an error at its line and column", () => {
  test("in a property's description, with the tag to write", () => {
    const source = withRoot(`{
  /**
   * How many.
   * +kubebuilder:validation:Minimum=0
   */
  replicas?: number;
}`);
    const errors = errorsOf(source);
    expect(errors).toEqual([
      {
        severity: "error",
        code: "CRD1017",
        message: "+kubebuilder:validation:Minimum=0 is a controller-gen marker, which crdgen does not read.",
        // The marker is underlined whole.
        location: { file: ENTRY, ...spanOf(source, "+kubebuilder:validation:Minimum=0") },
        hint: "write @minimum 0",
      },
    ]);
    expect(generateFrom(source).ok).toBe(false);
  });

  test("in a one-line comment", () => {
    const source = withRoot("{\n  /** +optional */\n  name: string;\n}");
    const [error] = errorsOf(source);
    expect(error).toMatchObject({
      code: "CRD1017",
      location: positionOf(source, "+optional"),
      hint: "make the property optional: write `name?: T`",
    });
  });

  // Go types mark every optional field +optional: pasted with them, it is only an error where it disagrees.
  test("+optional and +required agree with the property's `?`: only left out", () => {
    const source = withRoot(
      "{\n  /**\n   * A.\n   * +optional\n   */\n  a?: string;\n  /** +required */\n  b: string;\n  /** +kubebuilder:validation:Optional */\n  c?: string;\n  /** +required */\n  d?: string;\n}",
    );
    expect(errorsOf(source).map((e) => [e.code, e.location?.line])).toEqual([
      ["CRD1017", positionOf(source, "+required */\n  d").line],
    ]);
    expect(
      specSchema(source.replace("  /** +required */\n  d?: string;\n", "")).properties?.a?.description,
    ).toBe("A.");
  });

  test("in a one-line comment with tags", () => {
    const source = withRoot("{\n  /** +listType=set @maxItems 3 */\n  names: string[];\n}");
    expect(errorsOf(source).map((e) => [e.code, e.hint, e.location?.column])).toEqual([
      ["CRD1017", "write @listType set", positionOf(source, "+listType").column],
    ]);
  });

  test("on the root, on a named type, and in a tag's text on a line of its own", () => {
    const source = `/**
 * @crd
 * @group example.com
 * @version v1
 * +kubebuilder:subresource:status
 */
export interface Widget { spec: Spec }
/**
 * Ports.
 * +kubebuilder:validation:MaxItems=8
 */
export type Ports = number[];
export interface Spec {
  /**
   * @deprecated use ports
   * +kubebuilder:validation:Optional
   */
  port: number;
  ports?: Ports;
}
`;
    expect(errorsOf(source).map((e) => [e.location?.line, e.hint])).toEqual([
      [
        positionOf(source, "+kubebuilder:subresource").line,
        "write @subresource status on the CRD root (the type tagged @crd)",
      ],
      // In the file's order, as tsc lists errors, not in the order the types were read.
      [positionOf(source, "+kubebuilder:validation:MaxItems").line, "write @maxItems 8"],
      [
        positionOf(source, "+kubebuilder:validation:Optional").line,
        "make the property optional: write `name?: T`",
      ],
    ]);
  });

  test("a kubebuilder marker crdgen has no equivalent for is still an error", () => {
    const [error] = errorsOf(
      withRoot("{\n  /** +kubebuilder:validation:XFutureThing=1 */\n  a?: string;\n}"),
    );
    expect(error).toMatchObject({ code: "CRD1017", hint: expect.stringContaining("no equivalent") });
  });

  test("the same marker on both declarations of a merged property is reported once", () => {
    const source = withRoot(
      "extends A, B {}",
      "interface A {\n  /** +kubebuilder:validation:MinLength=1 */\n  n: string;\n}\ninterface B {\n  /** +kubebuilder:validation:MinLength=1 */\n  n: string;\n}",
    );
    expect(errorsOf(source).filter((e) => e.code === "CRD1017")).toHaveLength(1);
  });
});

describe("a marker written with @ for + is an unknown tag whose hint is the marker's tag", () => {
  const errorFor = (comment: string) => {
    const source = withRoot(`{\n  /** ${comment} */\n  a?: string[];\n}`);
    const errors = errorsOf(source);
    expect(errors).toHaveLength(1);
    return { ...errors[0]!, at: positionOf(source, comment), source };
  };

  test("a marker that shapes the CRD: the tag it means", () => {
    const error = errorFor("@kubebuilder:validation:MaxItems=16");
    expect(error).toMatchObject({
      code: "CRD1003",
      message:
        "@kubebuilder is no tag: @kubebuilder:validation:MaxItems=16 is controller-gen's marker +kubebuilder:validation:MaxItems=16 written with @, and crdgen reads tags of its own.",
      hint: "write @maxItems 16",
    });
    expect(error.location).toEqual({
      file: ENTRY,
      ...spanOf(error.source, "@kubebuilder:validation:MaxItems=16"),
    });
  });

  test("a marker without a tag of crdgen's: no equivalent", () => {
    expect(errorFor("@kubebuilder:validation:XFutureThing=1").hint).toContain("no equivalent");
  });

  test("a marker for Go code: remove it", () => {
    expect(errorFor("@kubebuilder:object:generate=true")).toMatchObject({
      message: expect.stringContaining("drives Go code generation and means nothing to a CRD"),
      hint: "remove it",
    });
  });

  test("@kubebuilder alone is an unknown tag like any other", () => {
    expect(errorFor("@kubebuilder").message).toBe("Unknown tag @kubebuilder.");
  });

  test("a known non-tag in another case gets its hint (@Enum as @enum)", () => {
    expect(errorFor("@Enum a;b").hint).toBe(
      'write the type as a union of literals, e.g. "a" | "b" (or use a TypeScript enum)',
    );
  });
});

describe("marker lines are left out of descriptions", () => {
  test("markers for code generation are removed without a word", () => {
    const spec = specSchema(
      withRoot(`{
  /**
   * Line one.
   * +genclient
   * +k8s:openapi-gen=true
   *
   * +kubebuilder:rbac:groups=apps,resources=deployments,verbs=get
   *
   * Line two.
   */
  a?: string;
  /** +k8s:deepcopy-gen=false */
  b?: string;
}`),
    );
    expect(spec.properties!.a!.description).toBe("Line one.\n\nLine two.");
    expect(spec.properties!.b!.description).toBeUndefined();
  });

  test("and from a tag's text, but not from the tag's own line", () => {
    const spec = specSchema(
      withRoot(`{
  /**
   * @deprecated use b
   * +genclient
   */
  a?: string;
  /** @deprecated +genclient */
  b?: string;
}`),
    );
    expect(spec.properties!.a!.description).toBe("Deprecated: use b");
    expect(spec.properties!.b!.description).toBe("Deprecated: +genclient");
  });

  test("lines that only start with `+` stay", () => {
    const description = "Counts:\n+1 for each vote\n+ a bullet\n+weird text here";
    const spec = specSchema(
      withRoot(`{
  /**
${description
  .split("\n")
  .map((l) => `   * ${l}`)
  .join("\n")}
   */
  a?: string;
}`),
    );
    expect(spec.properties!.a!.description).toBe(description);
  });

  test("comments of libraries under node_modules are only cleaned", () => {
    const result = generateFrom({
      [ENTRY]: withRoot("{ ext: External }", 'import type { External } from "extlib";'),
      "/project/node_modules/extlib/package.json": JSON.stringify({ name: "extlib", types: "index.d.ts" }),
      "/project/node_modules/extlib/index.d.ts":
        "export interface External {\n  /**\n   * Size.\n   * +kubebuilder:validation:Minimum=0\n   */\n  size: number;\n}\n",
    });
    expect(result.diagnostics).toEqual([]);
    const spec = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!;
    expect(spec.properties!.ext!.properties!.size!.description).toBe("Size.");
  });
});

describe("finding marker lines", () => {
  test.each([
    ["plain text", false],
    ["a + b", false],
    ["x\n+optional", true],
    ["  +listType=map", true],
    ["+1", false],
  ])("%j may hold a marker: %s", (text, expected) => {
    expect(mayHoldMarkers(text)).toBe(expected);
  });

  test("leaves text without markers as it is (the same string)", () => {
    const text = "a\n+ b\n+1";
    expect(withoutMarkers(text, [])).toBe(text);
  });

  test("collects the marker lines, trimmed, in order", () => {
    const found: string[] = [];
    expect(withoutMarkers("a\n  +optional\nb\n+listType=map", found)).toBe("a\nb");
    expect(found).toEqual(["+optional", "+listType=map"]);
  });
});
