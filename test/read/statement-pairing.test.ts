/**
 * An edited file's statements paired with its earlier version's (read/statement-pairing.ts): what
 * pairs, what does not, and where an unchanged statement's nodes and positions went.
 */
import type { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import { StatementPairing, topLevelStatement } from "../../src/read/statement-pairing.js";
import { tsApi } from "../../src/read/typescript.js";

const BEFORE = `import type { int32 } from "./scalars";
/** A. */
export interface A {
  a: string;
}
export enum E { X = "x" }
export type Mode = "on" | "off";
/** B, after the others. */
export interface B {
  /** Count. @minimum 0 */
  n?: int32;
}
export const LIMIT = 3;
`;

function file(text: string): ts.SourceFile {
  return tsApi.createSourceFile("/p/types.ts", text, tsApi.ScriptTarget.Latest, true);
}

function pairing(after: string): StatementPairing | undefined {
  return StatementPairing.of(file(BEFORE), file(after));
}

describe("StatementPairing.of", () => {
  it.each([
    ["nothing changed", BEFORE],
    ["a field added to an interface", BEFORE.replace("  a: string;", "  a: string;\n  more?: boolean;")],
    ["a doc comment changed", BEFORE.replace("/** A. */", "/** The A,\n * over two lines. */")],
    ["an enum's members changed", BEFORE.replace('X = "x"', 'X = "x", Y = "y"')],
    ["an alias's body changed", BEFORE.replace('"on" | "off"', '"on" | "off" | "auto"')],
  ])("pairs the versions when %s", (_what, after) => {
    expect(pairing(after)).toBeDefined();
  });

  it.each([
    ["a statement added", `${BEFORE}export interface C {}\n`],
    ["a statement removed", BEFORE.replace('export type Mode = "on" | "off";\n', "")],
    ["an interface renamed", BEFORE.replace("interface A ", "interface Ax ")],
    ["an import changed", BEFORE.replace("./scalars", "./other")],
    ["a variable changed", BEFORE.replace("LIMIT = 3", "LIMIT = 4")],
    [
      "an interface turned into an alias",
      BEFORE.replace("export interface A {\n  a: string;\n}", "export type A = { a: string };"),
    ],
    [
      "two statements swapped",
      BEFORE.replace(
        'export enum E { X = "x" }\nexport type Mode = "on" | "off";',
        'export type Mode = "on" | "off";\nexport enum E { X = "x" }',
      ),
    ],
    ["a line added before the first statement", `// header\n${BEFORE}`],
  ])("pairs nothing when %s", (_what, after) => {
    expect(pairing(after)).toBeUndefined();
  });
});

describe("a pairing", () => {
  const before = file(BEFORE);
  const after = file(BEFORE.replace("  a: string;", "  a: string;\n  more?: boolean;"));
  const pair = StatementPairing.of(before, after)!;
  const named = (sf: ts.SourceFile, name: string) =>
    sf.statements.find((s) => (s as ts.InterfaceDeclaration).name?.getText(sf) === name)!;

  it("gives an unchanged statement's new version, and none for the edited one", () => {
    expect(pair.keptStatement(named(before, "B"))).toBe(named(after, "B"));
    expect(pair.earlierStatement(named(after, "B"))).toBe(named(before, "B"));
    expect(pair.keptStatement(named(before, "A"))).toBeUndefined();
    expect(pair.earlierStatement(named(after, "A"))).toBeUndefined();
  });

  it("finds a node of an unchanged statement in the new version, and none in the edited one", () => {
    const oldB = named(before, "B") as ts.InterfaceDeclaration;
    const member = oldB.members[0]! as ts.PropertySignature;
    const moved = pair.keptNode(member.type!);
    expect(moved?.getText(after)).toBe("int32");
    expect(moved?.parent).toBe((named(after, "B") as ts.InterfaceDeclaration).members[0]);
    const oldA = named(before, "A") as ts.InterfaceDeclaration;
    expect(pair.keptNode(oldA.members[0]!)).toBeUndefined();
    expect(topLevelStatement(member.type!)).toBe(oldB);
  });

  it("shifts a position in an unchanged statement by the lines added above it, and refuses one in the edited statement", () => {
    const added = "\n  more?: boolean;".length;
    const at = BEFORE.indexOf("@minimum");
    expect(pair.shiftAt(at)).toBe(added);
    expect(after.text.slice(at + added, at + added + 8)).toBe("@minimum");
    expect(pair.shiftAt(BEFORE.indexOf("a: string"))).toBeUndefined();
    // Before the edit: positions stay.
    expect(pair.shiftAt(BEFORE.indexOf("scalars"))).toBe(0);
  });
});
