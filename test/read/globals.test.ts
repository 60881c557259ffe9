/** Which files can change what a name means in files that do not import them. */
import { describe, expect, it } from "vitest";
import { declaresGlobals } from "../../src/read/globals.js";
import { tsApi } from "../../src/read/typescript.js";

const file = (name: string, text: string) =>
  tsApi.createSourceFile(
    name,
    text,
    tsApi.ScriptTarget.ES2022,
    true,
    name.endsWith(".json") ? tsApi.ScriptKind.JSON : undefined,
  );

describe("declaresGlobals", () => {
  it.each([
    ["a script", "/p/g.ts", "declare var setting: number;", true],
    ["a declaration script", "/p/g.d.ts", "interface Extra { e: string }", true],
    ["declare global in a module", "/p/m.ts", "export {};\ndeclare global { interface G {} }", true],
    ["a module augmentation", "/p/m.ts", 'export {};\ndeclare module "x" { interface Y {} }', true],
    ["a module", "/p/m.ts", "export interface A { a: string }", false],
    ["a namespace in a module", "/p/m.ts", "export namespace N { export const x = 1 }", false],
    ["a JSON file", "/p/data.json", '{ "a": 1 }', false],
  ])("%s: %s", (_what, name, text, expected) => {
    expect(declaresGlobals(file(name, text))).toBe(expected);
  });
});
