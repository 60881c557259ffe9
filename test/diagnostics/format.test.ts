/** Code frames show the offending line with a caret under the column; long lines are cut to a window. */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";

const FILE = "/project/crd.yaml";

function frameOf(text: string, line: number, column: number): string[] {
  const d: Diagnostic = {
    severity: "error",
    code: "CRD2006",
    message: "invalid YAML",
    location: { file: FILE, line, column },
  };
  const out = formatDiagnostic(d, { cwd: "/project", sources: new Map([[FILE, text]]) });
  return out.split("\n").slice(2, 4);
}

/** The character the caret line points at. */
function pointedAt([source, caret]: string[]): string {
  return source![caret!.indexOf("~")]!;
}

describe("code frames", () => {
  it("show a short line whole, the caret under the column", () => {
    const frame = frameOf("a: 1\nkind: Foo\n", 2, 7);
    expect(frame).toEqual(["2 kind: Foo", "        ~"]);
    expect(pointedAt(frame)).toBe("F");
  });

  it.each([
    ["near its start", 3],
    ["in its middle", 5_000],
    ["near its end", 9_998],
  ])("cut a 10,000-character line to a window around a column %s", (_where, column) => {
    const line = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    const [source, caret] = frameOf(`first\n${line}\n`, 2, column);
    expect(source!.length).toBeLessThan(130);
    // What is shown (between the gutter and any "…") is the line's text at the caret's offset.
    const shown = source!.slice("2 ".length);
    const lead = shown.startsWith("…") ? 1 : 0;
    const inner = shown.slice(lead).replace(/…$/, "");
    const caretInInner = caret!.indexOf("~") - "2 ".length - lead;
    const start = column - 1 - caretInInner;
    expect(inner).toBe(line.slice(start, start + inner.length));
    expect(inner[caretInInner]).toBe(line[column - 1]);
  });
});
