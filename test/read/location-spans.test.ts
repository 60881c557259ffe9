/**
 * What a location of the reader spans, for code frames to underline it as tsc does: a
 * declaration's name (a property, a type), any other node whole, a tag with its text on its line.
 */
import { describe, expect, it } from "vitest";
import type { SourceLocation } from "../../src/diagnostics/diagnostic.js";
import { nodeLocation, nodeOrigin, positionOrigin } from "../../src/read/location.js";
import { tsApi } from "../../src/read/typescript.js";
import type { ts } from "ts-morph";
import { ENTRY, generateFrom, withRoot } from "../helpers/generate.js";

/** The text `at` spans in `text` (undefined for a point). */
function spanned(text: string, at: SourceLocation): string | undefined {
  if (at.endLine === undefined || at.endColumn === undefined) return undefined;
  const lines = text.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(offset(at.line, at.column), offset(at.endLine, at.endColumn));
}

const SOURCE = `/** A widget. */
export interface Widget {
  /** The name. @maxLength 3 @minLength 1 */
  readonly name: string;
  /**
   * @pattern ^[a-z]+$
   *   and more text
   */
  code?: string;
  nested: {
    deep: boolean;
  };
}
export type Alias = Widget;
`;

const sf = tsApi.createSourceFile("/p/types.ts", SOURCE, tsApi.ScriptTarget.ES2022, true);
const widget = sf.statements[0] as ts.InterfaceDeclaration;
const member = (name: string) => widget.members.find((m) => m.name?.getText() === name)!;

describe("a node's location spans", () => {
  it.each([
    ["an interface: its name, not `export interface`", () => widget, "Widget"],
    ["a type alias: its name", () => sf.statements[1]!, "Alias"],
    ["a property: its name, not its modifiers", () => member("name"), "name"],
    ["a property after a doc comment: its name", () => member("code"), "code"],
    ["a type: the whole node", () => (member("code") as ts.PropertySignature).type!, "string"],
  ])("%s", (_what, node, text) => {
    expect(spanned(SOURCE, nodeLocation(node()))).toBe(text);
    expect(spanned(SOURCE, nodeOrigin(node()))).toBe(text);
  });

  it("over several lines for a node written over several", () => {
    const type = (member("nested") as ts.PropertySignature).type!;
    const at = nodeOrigin(type);
    expect([at.line, at.endLine]).toEqual([10, 12]);
    expect(spanned(SOURCE, at)).toBe("{\n    deep: boolean;\n  }");
  });
});

describe("a tag's location spans the tag with its text on its line", () => {
  const tagAt = (needle: string, end = SOURCE.length) => positionOrigin(sf, SOURCE.indexOf(needle), end);

  it("up to the comment's end", () => {
    const at = tagAt("@maxLength", SOURCE.indexOf("@minLength"));
    expect(spanned(SOURCE, at)).toBe("@maxLength 3");
    expect(spanned(SOURCE, tagAt("@minLength"))).toBe("@minLength 1");
  });

  it("on its own line only, when its text runs on", () => {
    expect(spanned(SOURCE, tagAt("@pattern"))).toBe("@pattern ^[a-z]+$");
  });

  it("a point when no end is given", () => {
    const at = positionOrigin(sf, SOURCE.indexOf("@pattern"));
    expect([at.endLine, at.endColumn]).toEqual([undefined, undefined]);
  });
});

describe("diagnostics of the reader span what they are about", () => {
  const locationOf = (source: string, code: string) =>
    generateFrom(source).diagnostics.find((d) => d.code === code)?.location;

  it("an unknown tag: the tag and its value", () => {
    const source = withRoot("{\n  /** @maxLenght 5 */\n  name: string;\n}");
    expect(spanned(source, locationOf(source, "CRD1003")!)).toBe("@maxLenght 5");
  });

  it("a bad tag value, the tag among others on its line", () => {
    const source = withRoot("{\n  /** The size. @minimum 1 @maximum lots */\n  size: number;\n}");
    expect(spanned(source, locationOf(source, "CRD1004")!)).toBe("@maximum lots");
  });

  it("a property of an unsupported type: its name", () => {
    const source = withRoot("{\n  readonly bad: symbol;\n}");
    const at = locationOf(source, "CRD1002")!;
    expect(at.file).toBe(ENTRY);
    expect(spanned(source, at)).toBe("bad");
  });

  it("a TypeScript error: the span tsc gives", () => {
    const source = `${withRoot("{\n  name: string;\n}")}\nconst wrong: number = "text";\n`;
    expect(spanned(source, locationOf(source, "CRD1001")!)).toBe("wrong");
  });
});
