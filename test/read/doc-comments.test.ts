/**
 * Doc comments TypeScript's JSDoc parser reads otherwise than their author meant: a `{@link` with
 * no `}` (which reads the next line, a tag there included, into the link), `{@inheritDoc}` and
 * re-declared members (described as the IDE's hover describes them), and an `@` inside a fenced
 * code block (a tag to TypeScript), and lone CR line ends.
 */
import { describe, expect, test } from "vitest";
import { ENTRY, errorsOf, generateFrom, specSchema, withRoot } from "../helpers/generate.js";

/** Line and column (1-based) of the first `needle` in `source`. */
function positionOf(source: string, needle: string): { line: number; column: number } {
  const index = source.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in source`);
  const before = source.slice(0, index).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const warningsOf = (source: string, code: string) =>
  generateFrom(source).diagnostics.filter((d) => d.code === code);

describe("a {@link with no }", () => {
  test("is a warning at the {@link, and the tag on the next line is read", () => {
    const source = withRoot(`{
  /** Unclosed {@link Spec
   * @default "x" */
  name?: string;
}`);
    const result = generateFrom(source);
    expect(result.ok).toBe(true);
    const warnings = result.diagnostics.filter((d) => d.code === "CRD1024");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: "warning",
      location: { file: ENTRY, ...positionOf(source, "{@link Spec") },
      hint: "close it with } on its line",
    });
    const name =
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.name!;
    // TypeScript alone reads `* @default "x"` as the link's text: no default, and it in the description.
    expect(name).toEqual({ type: "string", default: "x", description: "Unclosed Spec" });
  });

  test("with text after the name: no stray * of the next line in the description", () => {
    const schema = specSchema(
      withRoot(`{
  /**
   * Also {@link Spec the spec
   * @maxLength 3
   */
  name?: string;
}`),
    );
    expect(schema.properties!.name).toEqual({ type: "string", maxLength: 3, description: "Also the spec" });
  });

  test("before a tag, though a } comes later in the comment", () => {
    const source = withRoot(`{
  /**
   * See {@link Spec
   * @maxLength 3
   * @example {a}
   */
  name?: string;
}`);
    expect(warningsOf(source, "CRD1024")).toHaveLength(1);
    expect(specSchema(source).properties!.name!.maxLength).toBe(3);
  });

  test("on the comment's last line, and {@linkcode}", () => {
    const source = withRoot(`{
  /** One {@linkcode Spec */
  name?: string;
}`);
    const warnings = warningsOf(source, "CRD1024");
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^This \{@linkcode has no closing \}/),
    ]);
    expect(specSchema(source).properties!.name!.description).toBe("One Spec");
  });

  test("closed links, on one line or several, give no warning", () => {
    const source = withRoot(`{
  /**
   * See {@link Spec | the
   * spec} and {@link Spec}.
   * @maxLength 3
   */
  name?: string;
}`);
    expect(warningsOf(source, "CRD1024")).toEqual([]);
    expect(specSchema(source).properties!.name).toEqual({
      type: "string",
      maxLength: 3,
      description: "See the spec and Spec.",
    });
  });
});

describe("descriptions the IDE inherits", () => {
  const base = `interface Base {
  /** The shared name. */
  shared?: string;
  /**
   * Base x doc.
   * @maxLength 5
   */
  x?: string;
}`;

  test("a re-declared interface member with no doc takes its base's description, not its tags", () => {
    const schema = specSchema(
      withRoot(
        `extends Base {
  shared?: string;
  /** @minLength 1 */
  x?: string;
}`,
        base,
      ),
    );
    expect(schema.properties!.shared).toEqual({ type: "string", description: "The shared name." });
    expect(schema.properties!.x).toEqual({ type: "string", minLength: 1, description: "Base x doc." });
  });

  test("a class member takes the description of the interface it implements", () => {
    const source = `${base}
export class Spec implements Base {
  shared?: string;
  /** Own. @inheritDoc */
  x?: string;
}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Widget { spec: Spec }
`;
    const schema = specSchema(source);
    expect(schema.properties!.shared).toEqual({ type: "string", description: "The shared name." });
    // As the hover shows `@inheritDoc`: the base's description, then the member's own.
    expect(schema.properties!.x).toEqual({ type: "string", description: "Base x doc.\nOwn." });
  });

  test("a bare {@inheritDoc} is the overridden member's description, and stays where none is", () => {
    const source = withRoot(
      `extends Base {\n  /** Here: {@inheritDoc} */\n  shared?: string;\n  /** {@inheritDoc} */\n  other?: string;\n}`,
      base,
    );
    const schema = specSchema(source);
    expect(schema.properties!.shared!.description).toBe("Here: The shared name.");
    expect(schema.properties!.other!.description).toBe("{@inheritDoc}");
    expect(warningsOf(source, "CRD1025")).toEqual([]);
  });

  test("a member's own description wins", () => {
    const schema = specSchema(withRoot(`extends Base {\n  /** Mine. */\n  shared?: string;\n}`, base));
    expect(schema.properties!.shared!.description).toBe("Mine.");
  });

  test("{@inheritDoc X} is X's description: a member, a type, an imported name", () => {
    const schema = specSchema({
      [ENTRY]: withRoot(
        `{
  /** {@inheritDoc Base.x} */
  a?: string;
  /** Before. {@inheritDoc Other#y} After. */
  b?: string;
  /** {@inheritDoc Base} */
  c?: string;
}`,
        `import type { Other } from "./other.js";\n/** The base. */\n${base}`,
      ),
      "/project/other.ts": "export interface Other {\n  /** Other's y &amp; more. */\n  y?: string;\n}\n",
    });
    expect(schema.properties!.a).toEqual({ type: "string", description: "Base x doc." });
    expect(schema.properties!.b!.description).toBe("Before. Other's y & more. After.");
    expect(schema.properties!.c!.description).toBe("The base.");
  });

  test("{@inheritDoc X} naming nothing stays as written, with a warning at it", () => {
    const source = withRoot(`{\n  /** See {@inheritDoc Nope.x} */\n  a?: string;\n}`);
    const result = generateFrom(source);
    expect(result.diagnostics.filter((d) => d.code === "CRD1025")).toEqual([
      expect.objectContaining({
        severity: "warning",
        location: expect.objectContaining({ file: ENTRY, ...positionOf(source, "{@inheritDoc Nope.x}") }),
      }),
    ]);
    expect(
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.a!.description,
    ).toBe("See {@inheritDoc Nope.x}");
  });
});

describe("{@inheritDoc X} in a type's own description", () => {
  const source = `/** The settings of a widget. */
export interface Base { a?: string }
/** Part of {@inheritDoc Base} */
export interface Spec extends Base { b?: Inner }
/** {@inheritDoc Nope} */
export type Inner = { c?: string };
/**
 * {@inheritDoc Spec}
 * @crd @group x.io @version v1
 */
export interface Widget { spec?: Spec }
`;

  test("reads as X's description on a named type, an alias and a root", () => {
    const result = generateFrom(source);
    const root = result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(root.description).toBe("Part of The settings of a widget.");
    expect(root.properties!.spec!.description).toBe("Part of The settings of a widget.");
    expect(root.properties!.spec!.properties!.b!.description).toBe("{@inheritDoc Nope}");
  });

  test("naming nothing is the warning at it, once", () => {
    expect(warningsOf(source, "CRD1025")).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "Inner",
        location: expect.objectContaining({ file: ENTRY, ...positionOf(source, "{@inheritDoc Nope}") }),
      }),
    ]);
  });
});

describe("an @ in a fenced code block", () => {
  const fenced = (line: string) =>
    withRoot(`{
  /**
   * Example:
   * \`\`\`
   * ${line}
   * \`\`\`
   * @maxLength 3
   */
  name?: string;
}`);

  test("that TypeScript reads as an unknown tag says why", () => {
    const source = fenced("@Component({ a: 1 })");
    expect(errorsOf(source)).toEqual([
      expect.objectContaining({
        code: "CRD1003",
        message: expect.stringContaining("inside a ``` code block"),
        hint: expect.stringContaining("write \\@Component"),
        location: expect.objectContaining(positionOf(source, "@Component")),
      }),
    ]);
  });

  test("written \\@ is text, as the hint says", () => {
    expect(specSchema(fenced("\\@Component({ a: 1 })")).properties!.name).toEqual({
      type: "string",
      maxLength: 3,
      description: "Example:\n```\n\\@Component({ a: 1 })\n```",
    });
  });

  test("that is a crdgen tag is a warning before the tag's own error, and the tag is still read", () => {
    const source = withRoot(`{
  /**
   * Replicas, for example:
   * \`\`\`
   * @default 3
   * @deprecated use size
   * \`\`\`
   */
  replicas?: number;
}`);
    const result = generateFrom(source);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual(
      ["@default 3", "@deprecated"].map((tag) =>
        expect.objectContaining({
          severity: "warning",
          code: "CRD1027",
          message: expect.stringContaining(`${tag.split(" ")[0]} is inside a \`\`\` code block`),
          hint: expect.stringContaining(`write \\${tag.split(" ")[0]} to keep it as code`),
          location: expect.objectContaining(positionOf(source, tag)),
        }),
      ),
    );
    // As before the warning: the output does not change without a word.
    expect(
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.replicas,
    ).toMatchObject({ default: 3 });

    const ended = withRoot(
      `{\n  /**\n   * \`\`\`\n   * @maxLength 3\n   * \`\`\`\n   */\n  name?: string;\n}`,
    );
    expect(generateFrom(ended).diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ["warning", "CRD1027"],
      ["error", "CRD1004"],
    ]);
  });

  test("a crdgen tag written \\@, or outside a code block, is no warning", () => {
    const escaped = withRoot(
      `{\n  /**\n   * \`\`\`\n   * \\@default 3\n   * \`\`\`\n   */\n  replicas?: number;\n}`,
    );
    const result = generateFrom(escaped);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!.properties!.spec!.properties!.replicas,
    ).toEqual({
      type: "number",
      description: "```\n\\@default 3\n```",
    });
    const after = withRoot(
      `{\n  /**\n   * \`\`\`\n   * x\n   * \`\`\`\n   * @default 3\n   */\n  replicas?: number;\n}`,
    );
    expect(generateFrom(after).diagnostics).toEqual([]);
  });

  test("an unknown tag outside a code block keeps the usual hint", () => {
    const source = withRoot(
      "{\n  /**\n   * ```\n   * x\n   * ```\n   * @Component\n   */\n  name?: string;\n}",
    );
    expect(errorsOf(source)).toEqual([
      expect.objectContaining({ code: "CRD1003", message: "Unknown tag @Component." }),
    ]);
  });
});

describe("a doc comment with lone CR line ends (classic Mac), which TypeScript reads as line breaks", () => {
  test("its description has line breaks and its tags their values", () => {
    const spec = specSchema(
      withRoot(
        '{\n  /**\r   * First line.\r   * Second line.\r   * @maxLength 5\r   * @default "ab"\r   */\n  a?: string;\n}',
      ),
    );
    expect(spec.properties!.a).toEqual({
      default: "ab",
      description: "First line.\nSecond line.",
      maxLength: 5,
      type: "string",
    });
  });
});
