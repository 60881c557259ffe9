import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { readBlockYaml } from "../../src/yaml/block-reader.js";
import { hashNext, SeenStrings } from "../../src/yaml/seen-strings.js";

function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = hashNext(hash, text.charCodeAt(i));
  return hash;
}

describe("SeenStrings", () => {
  it("finds a string remembered before in another text, and only the same characters", () => {
    const seen = new SeenStrings();
    seen.remember("description", hashOf("description"));
    const text = "  description: x\n  descriptions: y\n";
    const found = seen.find(text, 2, 13, hashOf("description"));
    expect(found).toBe("description");
    // A longer word at the same place, and the same length with another character.
    expect(seen.find(text, 19, 31, hashOf("descriptions"))).toBeUndefined();
    expect(seen.find("descriptioN", 0, 11, hashOf("description"))).toBeUndefined();
  });

  it("never answers with other characters, whatever the hash says", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer(), (held, asked, hash) => {
        const seen = new SeenStrings();
        seen.remember(held, hash);
        const found = seen.find(`<${asked}>`, 1, 1 + asked.length, hash);
        expect(found === undefined || found === asked).toBe(true);
      }),
    );
  });

  it("keeps the newest of two strings in one slot", () => {
    const seen = new SeenStrings();
    // 4,096 slots: hashes 4,096 apart share one.
    seen.remember("first", 7);
    seen.remember("second", 7 + 4096);
    expect(seen.find("first", 0, 5, 7)).toBeUndefined();
    expect(seen.find("second", 0, 6, 7 + 4096)).toBe("second");
  });
});

describe("keys read again from what was read before", () => {
  it("give the same values as the yaml package, across documents and streams", () => {
    const stream = [
      "a: 1\nkind: X\nspec:\n  kind: Y\n  a  : 2\n",
      "---\nkind: Z\nlist:\n- kind: W\n  a: 3\n",
    ].join("");
    for (let round = 0; round < 2; round++) {
      const read = readBlockYaml(stream);
      const expected = parseAllDocuments(stream).map((d) => d.toJS());
      expect(read?.values).toEqual(expected);
    }
  });

  it("still note every YAML 1.1 reading of a key, the second time too", () => {
    const read = readBlockYaml("a:\n  on: 1\nb:\n  on: 2\n");
    expect(read?.values).toEqual([{ a: { on: 1 }, b: { on: 2 } }]);
    expect(read?.yaml11.map((d) => d.line)).toEqual([2, 4]);
  });

  it("keep keys that read as other values apart from those values' text", () => {
    // `true` and `1` as keys are the strings "true" and "1"; as values, a boolean and a number.
    const read = readBlockYaml("true: true\n1: 1\nx:\n  true: 1\n  1: true\n");
    expect(read?.values).toEqual(
      parseAllDocuments("true: true\n1: 1\nx:\n  true: 1\n  1: true\n").map((d) => d.toJS()),
    );
  });
});
