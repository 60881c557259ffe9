import { describe, expect, it } from "vitest";
import { formatMarkdown, MAX_COMMENT_LENGTH } from "../../src/diff/format/markdown.js";
import type { CrdChange } from "../../src/diff/index.js";

function change(i: number, breaking: boolean, message = `field "f${i}" was removed`): CrdChange {
  return {
    crd: "widgets.example.com",
    version: "v1",
    path: `spec.versions[v1].schema.openAPIV3Schema.properties[spec].properties[f${i}]`,
    kind: breaking ? "field-removed" : "field-added",
    breaking,
    message,
  };
}

const rowsOf = (text: string) =>
  text.split("\n").filter((l) => /^\| (\*\*breaking\*\*|compatible) \|/.test(l));

describe("--format markdown size", () => {
  // GitHub refuses a comment over 65,536 characters, and the whole comment with it.
  it("stops the table short of GitHub's comment limit, breaking rows kept, and counts what it left out", () => {
    const changes = [
      ...Array.from({ length: 1800 }, (_, i) => change(i, false)),
      ...Array.from({ length: 200 }, (_, i) => change(2000 + i, true)),
    ];
    const text = formatMarkdown(changes);
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH + 1);
    const rows = rowsOf(text);
    expect(rows.length).toBeGreaterThan(200);
    expect(rows.slice(0, 200).every((r) => r.startsWith("| **breaking**"))).toBe(true);
    const hidden = 2000 - rows.length;
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      `_${hidden} more changes not shown, to keep this comment within GitHub's size limit; \`crdgen diff\` lists them all._`,
    );
    expect(text.split("\n")[0]).toContain("200 breaking changes**, 2000 changes in total");
  });

  it("says how many of the rows left out are breaking", () => {
    const text = formatMarkdown(Array.from({ length: 2000 }, (_, i) => change(i, true)));
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      /^_(\d+) more changes \(\1 of them breaking\) not shown/,
    );
  });

  it("shows every row, with no closing line, when they fit", () => {
    const text = formatMarkdown(Array.from({ length: 40 }, (_, i) => change(i, i % 3 === 0)));
    expect(rowsOf(text)).toHaveLength(40);
    expect(text).not.toContain("not shown");
  });

  it("cuts a message that quotes a long value, so that one change cannot fill the comment", () => {
    const values = Array.from({ length: 2000 }, (_, i) => `"value${i}"`).join(", ");
    const [row] = rowsOf(formatMarkdown([change(1, true, `values are now limited to [${values}]`)]));
    const details = row?.split(" | ").at(-1) ?? "";
    expect(details.length).toBeLessThan(1_200);
    expect(details).toMatch(/…\s*\|$/);
  });
});
