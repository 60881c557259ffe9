/**
 * A character kubectl's YAML reader refuses anywhere in a file ("control characters are not
 * allowed") is an error at that character: the `yaml` package reads it as text, kubectl rejects
 * the whole file. Tab, line breaks, NEL and all other Unicode text pass.
 */
import { describe, expect, test } from "vitest";
import { check, crdYaml, tempDir, type JsonFinding } from "./harness.js";

async function findings(text: string): Promise<{ code: number; found: JsonFinding[] }> {
  const dir = tempDir({ "crd.yaml": text });
  const run = await check(["crd.yaml", "--format", "json"], dir);
  return { code: run.code, found: JSON.parse(run.stdout) as JsonFinding[] };
}

describe("characters kubectl's YAML reader refuses", () => {
  test.each([
    ["DEL", "\u007f", "U+007F"],
    ["a C0 control", "\u0001", "U+0001"],
    ["a C1 control", "\u0090", "U+0090"],
    ["U+FFFF", "\uffff", "U+FFFF"],
  ])("%s in a block scalar is an error at the character", async (_what, ch, named) => {
    const text = crdYaml((t) =>
      t.replace("color:\n", `color:\n                  description: |-\n                    a${ch}b\n`),
    );
    const { code, found } = await findings(text);
    expect(code).toBe(1);
    const line = text.split("\n").findIndex((l) => l.includes(ch)) + 1;
    expect(found.map((f) => [f.code, f.line, f.column])).toEqual([["CRD2006", line, 22]]);
    expect(found[0]!.message).toContain(named);
  });

  test.each([
    ["a tab", "\t"],
    ["NEL", "\u0085"],
    ["a line separator", "\u2028"],
    ["text beyond the BMP", "😀"],
  ])("%s passes", async (_what, ch) => {
    const text = crdYaml((t) => t.replace("color:\n", `color:\n                  description: "a${ch}b"\n`));
    const { code, found } = await findings(text);
    expect(found).toEqual([]);
    expect(code).toBe(0);
  });
});
