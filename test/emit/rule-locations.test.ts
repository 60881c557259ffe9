/**
 * Kubernetes' errors about a CEL rule (a `fieldPath` naming nothing, a `messageExpression` that
 * does not compile, a rule over the cost budget) are reported at the tag that wrote the rule,
 * once, however many times its type is used; other CRD2001 errors stay at the schema node's
 * TypeScript.
 */
import { InMemoryFileSystemHost } from "ts-morph";
import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { generateFromProgram } from "../../src/generate.js";
import { loadProgram, refreshProgram } from "../../src/read/program.js";
import { RunCaches } from "../../src/run-caches.js";
import { ENTRY, errorsOf, generateFrom } from "../helpers/generate.js";

/**
 * The line and column (1-based) of the first `text` in `source`, where a diagnostic would point
 * (matched, not equal: a location also has the end of the span it underlines).
 */
function at(source: string, text: string): { file: string; line: number; column: number } {
  const index = source.indexOf(text);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, index).split("\n");
  return { file: ENTRY, line: before.length, column: before[before.length - 1]!.length + 1 };
}

function crdErrors(source: string): Diagnostic[] {
  return errorsOf(source).filter((d) => d.code === "CRD2001");
}

describe("CRD2001 errors about a rule", () => {
  test("a type's rule with a bad fieldPath: at the tag, once for all the type's uses", () => {
    const source = `/** @validation rule="has(self.a)" fieldPath=.nope */
export interface S { a?: string }
/** @crd @group a.example.com @version v1 */
export interface W { spec: { s: S; again?: S; list?: S[]; map?: Record<string, S> } }
`;
    const errors = crdErrors(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('fieldPath: Invalid value: ".nope": must be a valid path');
    expect(errors[0]!.location).toMatchObject(at(source, "@validation"));
  });

  test("a type's rule whose messageExpression does not compile: at the tag", () => {
    const source = `/**
 * The spec.
 * @validation rule="has(self.a)" messageExpression="1 +"
 */
export interface S { a?: string }
/** @crd @group a.example.com @version v1 */
export interface Root { spec: S }
`;
    const errors = crdErrors(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("messageExpression compilation failed");
    expect(errors[0]!.location).toMatchObject(at(source, "@validation"));
  });

  test("a type's rule over the cost budget: at the tag", () => {
    const source = `/** @validation rule="self.items.all(x, self.items.all(y, self.items.all(z, x + y + z != 'abc')))" */
export interface S { items?: string[] }
/** @crd @group a.example.com @version v1 */
export interface W { spec: { a?: S; b?: S[] } }
`;
    const errors = crdErrors(source);
    const ruleErrors = errors.filter((e) => e.message.includes("x-kubernetes-validations[0].rule"));
    expect(ruleErrors.map((e) => e.message)).toContainEqual(
      expect.stringContaining("estimated rule cost exceeds budget"),
    );
    for (const e of ruleErrors) expect(e.location).toMatchObject(at(source, "@validation"));
    // Each of Kubernetes' errors about the rule once, not once per use.
    expect(new Set(ruleErrors.map((e) => e.message.replace(/^.*?x-kubernetes-validations/, ""))).size).toBe(
      ruleErrors.length,
    );
  });

  test("a field's rule, and a rule a one-of tag wrote: at their tags", () => {
    const source = `/** @crd @group a.example.com @version v1 */
export interface W {
  spec: {
    /**
     * A field.
     * @validation rule="true" fieldPath=.nope
     */
    a?: { x?: string };
    /** @exactlyOneOf url,path */
    src?: { url?: string; path?: unknown };
  };
}
`;
    const errors = crdErrors(source);
    expect(errors.map((e) => e.location)).toMatchObject([
      at(source, "@validation"),
      at(source, "@exactlyOneOf"),
    ]);
  });

  test("a type's rules in two versions of a CRD: one error", () => {
    const source = `/** @validation rule="true" fieldPath=.nope */
export interface S { a?: string }
/** @crd @group a.example.com @version v1 @kind W @storageVersion */
export interface W1 { spec: S }
/** @crd @group a.example.com @version v2 @kind W */
export interface W2 { spec: S }
`;
    const errors = crdErrors(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.location).toMatchObject(at(source, "@validation"));
  });

  test("a rule of the root: at its tag", () => {
    const source = `/**
 * @crd @group a.example.com @version v1
 * @validation rule="true" fieldPath=.nope
 */
export interface W { spec: { a?: string } }
`;
    expect(crdErrors(source).map((e) => e.location)).toMatchObject([at(source, "@validation")]);
  });

  test("an error that is not about a rule is at the tag that wrote its keyword", () => {
    const source = `/** @crd @group a.example.com @version v1 */
export interface W {
  spec: {
    /** @default true */
    a?: string;
  };
}
`;
    const [error] = crdErrors(source);
    expect(error!.message).toContain(".default: Invalid value");
    expect(error!.location).toMatchObject(at(source, "@default true"));
  });

  test("a valid rule on a type used in several places gives no error", () => {
    const source = `/** @validation rule="has(self.a)" fieldPath=.a */
export interface S { a?: string }
/** @crd @group a.example.com @version v1 */
export interface W { spec: { s: S; again?: S } }
`;
    expect(generateFrom(source).ok).toBe(true);
  });

  test("in a watch session, run after run", () => {
    const source = `/** @validation rule="true" fieldPath=.nope */
export interface S { a?: string }
/** @crd @group a.example.com @version v1 */
export interface W { spec: { s: S; again?: S } }
`;
    const fs = new InMemoryFileSystemHost();
    fs.writeFileSync(ENTRY, source);
    fs.writeFileSync("/project/other.ts", "export interface O { o?: string }\n");
    const options = { entries: [ENTRY], cwd: "/project", typeCheck: false };
    const caches = new RunCaches();
    let loaded = loadProgram({ entries: [ENTRY], cwd: "/project", fileSystem: fs });
    for (let run = 0; run < 2; run++) {
      const errors = generateFromProgram(loaded, options, caches).diagnostics.filter(
        (d) => d.code === "CRD2001",
      );
      expect(errors.map((e) => e.location)).toMatchObject([at(source, "@validation")]);
      fs.writeFileSync("/project/other.ts", "export interface O { o?: number }\n");
      loaded = refreshProgram(loaded, ["/project/other.ts"]);
    }
  });
});
