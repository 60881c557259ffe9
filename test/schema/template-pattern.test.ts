/**
 * Patterns of template literal types (src/schema/template-pattern.ts). What matters: every string
 * TypeScript accepts for the type matches the pattern, in RE2 (Kubernetes, crdgen's validator) and
 * in ECMAScript (ajv), and the literal text is enforced.
 */
import fc from "fast-check";
import { Project, ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { anyOfPatterns, escapeRegExp, templatePattern } from "../../src/schema/template-pattern.js";
import { re2Test } from "../../src/validate/cel/re2.js";

/** Whether `text` matches `pattern` in both RE2 and ECMAScript (and they agree). */
function matches(pattern: string, text: string): boolean {
  const re2 = re2Test(pattern, text);
  expect(new RegExp(pattern).test(text)).toBe(re2);
  return re2;
}

const text = fc.string({
  unit: fc.constantFrom("a", "b", ".", "*", "(", "]", "\\", "$", "^", "\n", "é", "😀"),
  maxLength: 4,
});

describe("templatePattern", () => {
  it("anchors where the template starts or ends with text, and joins texts with any text", () => {
    expect(templatePattern(["", "Mi"])).toBe("Mi$");
    expect(templatePattern(["arn:aws:", ""])).toBe("^arn:aws:");
    expect(templatePattern(["a.", ".b"])).toBe("^a\\.[\\s\\S]*\\.b$");
    expect(templatePattern(["", "-", ""])).toBe("-");
    // Placeholders side by side are one stretch of any text.
    expect(templatePattern(["v", "", "x"])).toBe("^v[\\s\\S]*x$");
  });

  it("gives no pattern for a template without text: it takes any string", () => {
    expect(templatePattern(["", ""])).toBeUndefined();
    expect(templatePattern(["", "", ""])).toBeUndefined();
  });

  it("matches text with regular-expression characters literally", () => {
    const pattern = templatePattern(["(a|b)*.", "[x]{2}$^\\"])!;
    expect(matches(pattern, "(a|b)*.anything[x]{2}$^\\")).toBe(true);
    expect(matches(pattern, "aaa.anything[x]{2}$^\\")).toBe(false);
    expect(matches(pattern, "(a|b)*.anything[x]x$^\\")).toBe(false);
  });

  it("matches every string the template builds, and nothing without its text (property)", () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 2, maxLength: 5 }),
        fc.array(text, { minLength: 4, maxLength: 4 }),
        (texts, fillers) => {
          const pattern = templatePattern(texts);
          const built = texts.map((t, i) => t + (i < texts.length - 1 ? fillers[i]! : "")).join("");
          if (pattern === undefined) {
            expect(texts.every((t) => t === "")).toBe(true);
            return;
          }
          expect(matches(pattern, built)).toBe(true);
          // Without its first or last text, a string anchored there no longer matches.
          const first = texts[0]!;
          if (first !== "" && !built.slice(1).startsWith(first))
            expect(matches(pattern, built.slice(1))).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("anyOfPatterns", () => {
  it("matches what any alternative matches: a pattern, or one of a list of exact strings", () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 2, maxLength: 3 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        text,
        (texts, values, probe) => {
          const pattern = templatePattern(texts);
          fc.pre(pattern !== undefined);
          const combined = anyOfPatterns([pattern!, values]);
          const expected = matches(pattern!, probe) || values.includes(probe);
          expect(matches(combined, probe)).toBe(expected);
          for (const v of values) expect(matches(combined, v)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("escapes the exact strings", () => {
    expect(anyOfPatterns([["a.b", "c"]])).toBe(`^(?:${escapeRegExp("a.b")}|c)$`);
    expect(matches(anyOfPatterns([["a.b"]]), "axb")).toBe(false);
  });
});

describe("against TypeScript", () => {
  /**
   * Each template type, and strings TypeScript accepts for it (checked by TypeScript itself): the
   * pattern crdgen reads from the type must match them all.
   */
  it("accepts every string TypeScript assigns to a template literal type (property)", () => {
    const hole = fc.constantFrom("${string}", "${number}", "${bigint}", "${Uppercase<string>}");
    const literal = fc.string({
      unit: fc.constantFrom("a", "B", ".", "-", "*", "(", " ", "1", "e"),
      maxLength: 3,
    });
    const template = fc
      .tuple(literal, fc.array(fc.tuple(hole, literal), { minLength: 1, maxLength: 3 }))
      .map(([head, rest]) => head + rest.map(([h, t]) => h + t).join(""));
    const filler = fc.constantFrom("", "0", "-1.5e3", "0x1F", " 7", "12", "ab", "AB", "x y");
    let checked = 0;
    // One project: each run replaces the file, and the lib files are parsed once.
    const project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: { strict: true, lib: ["lib.es5.d.ts"], types: [] },
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(template, fc.array(filler, { minLength: 3, maxLength: 3 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (cases) => {
          const source = cases.map(([t], i) => `type T${i} = \`${t.replace(/`/g, "")}\`;`).join("\n");
          const file = project.createSourceFile("t.ts", source, { overwrite: true });
          const checker = project.getTypeChecker().compilerObject;
          cases.forEach(([t, fillers], i) => {
            const type = checker.getTypeAtLocation(file.getTypeAliasOrThrow(`T${i}`).compilerNode.name);
            if (!(type.flags & ts.TypeFlags.TemplateLiteral)) return;
            const pattern = templatePattern((type as ts.TemplateLiteralType).texts);
            // Fill each placeholder of the written template with a candidate; keep what TypeScript accepts.
            let k = 0;
            const candidate = t.replace(/\$\{[^}]*\}/g, () => fillers[k++ % fillers.length]!);
            const accepted = checker.isTypeAssignableTo(checker.getStringLiteralType(candidate), type);
            if (accepted && pattern !== undefined) {
              expect(matches(pattern, candidate)).toBe(true);
              checked++;
            }
          });
        },
      ),
      { numRuns: 40 },
    );
    // The property is only as good as the strings TypeScript accepted.
    expect(checked).toBeGreaterThan(20);
  });
});
