/**
 * A character kubectl's YAML reader refuses anywhere in a file ("control characters are not
 * allowed") is an error at that character: the `yaml` package reads it as text, kubectl rejects
 * the whole file. Tab, line breaks, NEL and all other Unicode text pass.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { refusedCharacter } from "../../src/check/refused-characters.js";
import { parseYamlDocuments } from "../../src/yaml/load.js";
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

describe("text the block reader reads", () => {
  // parseFile skips the search for refused characters in such text: it must hold none.
  test("holds no character kubectl's reader refuses", () => {
    const character = fc.oneof(
      fc.integer({ min: 0, max: 0xa0 }),
      fc.constantFrom(0xfeff, 0xfffe, 0xffff, 0x2028),
      fc.integer({ min: 0, max: 0xffff }),
    );
    const place = fc.constantFrom(
      (c: string) => `a: x${c}y\n`,
      (c: string) => `a: |\n  x${c}y\n`,
      (c: string) => `a: "x${c}y"\n`,
      (c: string) => `k${c}: 1\n`,
      (c: string) => `a:\n- 1${c}\n`,
      (c: string) => `a: 1\r\n${c}b: 2\r\n`,
    );
    fc.assert(
      fc.property(character, place, (code, write) => {
        const text = write(String.fromCharCode(code));
        if (parseYamlDocuments(text, "f.yaml").plainCharacters)
          expect(refusedCharacter("f.yaml", text)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
    // And it does read most such text: the test is not empty.
    expect(parseYamlDocuments("a: |\n  x\u0085y\n", "f.yaml").plainCharacters).toBeUndefined();
    expect(parseYamlDocuments("a: x\u00e9y\n", "f.yaml").plainCharacters).toBe(true);
  });
});
