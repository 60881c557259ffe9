/** Text as UTF-8 bytes in pieces: its string, its length, and comparison with a file's bytes. */
import { expect, test } from "vitest";
import { Utf8Text } from "../../src/write/utf8-text.js";

const bytes = (s: string) => Buffer.from(s, "utf8");

test("the string of ASCII and of non-ASCII pieces", () => {
  expect(new Utf8Text([bytes("kind: "), bytes("CRD\n")], true).toString()).toBe("kind: CRD\n");
  const text = new Utf8Text([bytes("name: Größe\n"), bytes("emoji: 😀\n")], false);
  expect(text.toString()).toBe("name: Größe\nemoji: 😀\n");
  expect(text.byteLength).toBe(Buffer.byteLength("name: Größe\nemoji: 😀\n"));
});

test("a piece that is a view into a larger buffer gives only its own bytes", () => {
  const buffer = bytes("xxxab: 1\nyyy");
  expect(new Utf8Text([buffer.subarray(3, 9)], true).toString()).toBe("ab: 1\n");
});

test("of() keeps the string it was given and its bytes", () => {
  const text = Utf8Text.of("a: ü\n");
  expect(text.toString()).toBe("a: ü\n");
  expect(Buffer.concat(text.pieces).equals(bytes("a: ü\n"))).toBe(true);
});

test("concat joins the documents of a stream, non-ASCII anywhere", () => {
  const joined = Utf8Text.concat([Utf8Text.of("---\na: 1\n"), new Utf8Text([bytes("---\nb: ü\n")], false)]);
  expect(joined.toString()).toBe("---\na: 1\n---\nb: ü\n");
  expect(joined.pieces).toHaveLength(2);
  const one = Utf8Text.of("x");
  expect(Utf8Text.concat([one])).toBe(one);
});

test("equals compares with a file's bytes across piece boundaries", () => {
  const text = new Utf8Text([bytes("ab"), bytes("cd"), bytes("ü")], false);
  expect(text.equals(bytes("abcdü"))).toBe(true);
  expect(text.equals(bytes("abcdu"))).toBe(false);
  expect(text.equals(bytes("abXdü"))).toBe(false);
  expect(text.equals(bytes("abcd"))).toBe(false);
  expect(text.equals(bytes("abcdüü"))).toBe(false);
  expect(new Utf8Text([], true).equals(bytes(""))).toBe(true);
});

test("equals compares two texts cut into pieces at different places", () => {
  const a = new Utf8Text([bytes("ab"), bytes("cdü"), bytes(""), bytes("e")], false);
  expect(a.equals(new Utf8Text([bytes("abcdüe")], false))).toBe(true);
  expect(a.equals(new Utf8Text([bytes("a"), bytes("bcdü"), bytes("e")], false))).toBe(true);
  expect(a.equals(Utf8Text.ofBytes(bytes("abcdüe")))).toBe(true);
  expect(a.equals(a)).toBe(true);
  expect(a.equals(new Utf8Text([bytes("a"), bytes("bcdü"), bytes("f")], false))).toBe(false);
  expect(a.equals(new Utf8Text([bytes("abcdü")], false))).toBe(false);
  expect(Utf8Text.ofBytes(bytes("Größe")).toString()).toBe("Größe");
});
