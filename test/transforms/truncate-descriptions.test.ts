/**
 * `--max-description-length`: controller-gen's maxDescLen rule, cutting whole characters only.
 */
import { describe, expect, test } from "vitest";
import { truncate } from "../../transforms/truncate-descriptions.js";
import { specSchema, withRoot, generateFrom } from "../helpers/generate.js";

describe("truncate", () => {
  test("keeps a description within the length", () => {
    expect(truncate("Exactly ten", 11)).toBe("Exactly ten");
  });

  test("cuts after the last sentence end within the length, as controller-gen does", () => {
    expect(truncate("Foo is a thing. It does many things that go on and on.", 30)).toBe("Foo is a thing.");
    expect(truncate("Is it? Yes! And then some more words here.", 20)).toBe("Is it? Yes!");
    expect(truncate("日本語の説明。さらに長い説明が続きます。", 10)).toBe("日本語の説明。");
    // A sentence end of two UTF-16 units (Brahmi's danda, U+11047) stays whole.
    expect(truncate("ab\u{11047} and some more words", 8)).toBe("ab\u{11047}");
    // A sentence end as the first character is no sentence.
    expect(truncate(". leading dot and more words", 12)).toBe(". leading...");
  });

  test("else at the last space, without the spaces before it", () => {
    expect(truncate("word   spaced    out here", 10)).toBe("word...");
    expect(truncate("Short one\n\nSecond paragraph here", 12)).toBe("Short one...");
  });

  test("never splits a character: a surrogate pair, a letter and its accent, an emoji sequence", () => {
    expect(truncate("🎉🎉🎉🎉🎉🎉", 5)).toBe("🎉🎉...");
    expect(truncate("abcde\u0301fgh", 5)).toBe("abcd...");
    const family = "👨‍👩‍👧";
    expect(truncate(`${family}${family}`, family.length + 2)).toBe(`${family}...`);
    for (let max = 1; max < 12; max++)
      expect(truncate("🎉".repeat(8), max)).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
  });
});

describe("--max-description-length in a generated CRD", () => {
  test("cuts the descriptions of the schema", () => {
    const spec = specSchema(
      withRoot(
        "{\n  /** Ports to open. Each one is a number, and the list goes on. */\n  ports?: number[];\n}",
      ),
    );
    expect(spec.properties!.ports!.description).toBe(
      "Ports to open. Each one is a number, and the list goes on.",
    );
    const cut = generateFrom(
      withRoot(
        "{\n  /** Ports to open. Each one is a number, and the list goes on. */\n  ports?: number[];\n}",
      ),
      { maxDescriptionLength: 40 },
    );
    const schema = cut.crds[0]!.spec.versions[0]!.schema!.openAPIV3Schema!;
    expect(schema.properties!.spec!.properties!.ports!.description).toBe("Ports to open.");
  });
});
