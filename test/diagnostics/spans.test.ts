/**
 * A location with a span (endLine/endColumn) is underlined whole, as `tsc --pretty` underlines
 * a token or node: each line of a span over several lines, the first two and last two of a span
 * of five lines or more. A location without one keeps its single `~`.
 */
import { describe, expect, it } from "vitest";
import { plainLocation, type Diagnostic, type SourceLocation } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";

const FILE = "/project/types.ts";

/** The frame of a diagnostic at `at` in `text`: the lines between the header and the blank line after. */
function frame(text: string, at: Omit<SourceLocation, "file">): string[] {
  const d: Diagnostic = { severity: "error", code: "CRD1003", message: "m", location: { file: FILE, ...at } };
  const out = formatDiagnostic(d, { cwd: "/project", sources: new Map([[FILE, text]]) }).split("\n");
  return out.slice(2, -1);
}

describe("code frames underline a location's span", () => {
  it("under the whole tag with its text, not its first character", () => {
    const text = "export interface A {\n  /** @maxLenght 5 */\n  name: string;\n}\n";
    expect(frame(text, { line: 2, column: 7, endLine: 2, endColumn: 19 })).toEqual([
      "2   /** @maxLenght 5 */",
      "        ~~~~~~~~~~~~",
    ]);
  });

  it("still a single ~ under a point", () => {
    expect(frame("a: 1\nkind: Foo\n", { line: 2, column: 7 })).toEqual(["2 kind: Foo", "        ~"]);
  });

  it("a single ~ under an empty or backwards span", () => {
    expect(frame("kind: Foo\n", { line: 1, column: 7, endLine: 1, endColumn: 7 })).toEqual([
      "1 kind: Foo",
      "        ~",
    ]);
    expect(frame("kind: Foo\n", { line: 1, column: 7, endLine: 1, endColumn: 3 })).toEqual([
      "1 kind: Foo",
      "        ~",
    ]);
  });

  it("every line of a span over several lines: the first from its column, the last to its end", () => {
    const text = 'jsonPath: "spec.a\n  more"\nnext: 1\n';
    expect(frame(text, { line: 1, column: 11, endLine: 2, endColumn: 8 })).toEqual([
      '1 jsonPath: "spec.a',
      "            ~~~~~~~",
      '2   more"',
      "  ~~~~~~~",
    ]);
  });

  it("the first two and last two lines of a span of five lines or more, an ellipsis between", () => {
    const lines = ["a:", "  b: 1", "  c: 2", "  d: 3", "  e: 4", "  f: 5", "z: 0"];
    const text = `${lines.join("\n")}\n`;
    // The value of `a`: lines 2 to 6; a 3-character gutter for the ellipsis.
    expect(frame(text, { line: 2, column: 3, endLine: 6, endColumn: 7 })).toEqual([
      "  2   b: 1",
      "      ~~~~",
      "  3   c: 2",
      "    ~~~~~~",
      "...",
      "  5   e: 4",
      "    ~~~~~~",
      "  6   f: 5",
      "    ~~~~~~",
    ]);
  });

  it("a span of four lines whole", () => {
    const text = "a\nbb\nccc\ndddd\ne\n";
    expect(frame(text, { line: 1, column: 1, endLine: 4, endColumn: 3 })).toEqual([
      "1 a",
      "  ~",
      "2 bb",
      "  ~~",
      "3 ccc",
      "  ~~~",
      "4 dddd",
      "  ~~",
    ]);
  });

  it("a span ending at the start of a line as ending with the line before", () => {
    expect(frame("key: value\nnext: 1\n", { line: 1, column: 6, endLine: 2, endColumn: 1 })).toEqual([
      "1 key: value",
      "       ~~~~~",
    ]);
  });

  it("a tab as one space, so that the underline stays under its text", () => {
    expect(frame("\tname:\tx  \n", { line: 1, column: 2, endLine: 1, endColumn: 6 })).toEqual([
      "1  name: x",
      "   ~~~~",
    ]);
  });

  it("only the shown part of a span in a long line, under the text it covers", () => {
    const line = `${"x".repeat(5_000)}TOKEN${"y".repeat(5_000)}`;
    const [source, underline] = frame(`${line}\n`, { line: 1, column: 5_001, endLine: 1, endColumn: 5_006 });
    expect(source!.length).toBeLessThan(130);
    const from = underline!.indexOf("~");
    expect(underline!.slice(from)).toBe("~~~~~");
    expect(source!.slice(from, from + 5)).toBe("TOKEN");
  });

  it("a span running past a long line's shown part up to its edge", () => {
    const line = "a".repeat(1_000);
    const [source, underline] = frame(`${line}\n`, { line: 1, column: 10, endLine: 1, endColumn: 900 });
    // From column 10 to the window's end (the "…" after it is not underlined).
    expect(underline).toBe(`  ${" ".repeat(9)}${"~".repeat(120 - 9)}`);
    expect(source!.endsWith("…")).toBe(true);
  });
});

describe("plain locations", () => {
  it("keep a span, and add none to a point", () => {
    expect(plainLocation({ file: FILE, line: 1, column: 2, endLine: 1, endColumn: 5 })).toEqual({
      file: FILE,
      line: 1,
      column: 2,
      endLine: 1,
      endColumn: 5,
    });
    expect(Object.keys(plainLocation({ file: FILE, line: 1, column: 2 }))).toEqual([
      "file",
      "line",
      "column",
    ]);
  });
});
