/** Large CLI output is written in slices that join back to the text, never splitting a character. */
import { expect, it } from "vitest";
import { writeInSlices } from "../../src/cli/io.js";

function slicesOf(text: string): string[] {
  const written: string[] = [];
  writeInSlices({ write: (chunk: string) => written.push(chunk) }, text);
  return written;
}

it("writes a short text in one piece and nothing for an empty one", () => {
  expect(slicesOf("a: 1\n")).toEqual(["a: 1\n"]);
  expect(slicesOf("")).toEqual([]);
});

it("writes a large text in slices that join back to it", () => {
  const text = "description: x\n".repeat(200_000);
  const slices = slicesOf(text);
  expect(slices.length).toBeGreaterThan(2);
  expect(slices.join("")).toBe(text);
});

it("keeps a surrogate pair that falls on a slice boundary in one slice", () => {
  const mib = 1 << 20;
  const text = `${"a".repeat(mib - 1)}😀${"b".repeat(10)}`;
  const slices = slicesOf(text);
  expect(slices.join("")).toBe(text);
  // Each slice encodes to UTF-8 on its own: no slice may end or start inside the pair.
  for (const slice of slices) expect(Buffer.from(slice, "utf8").toString("utf8")).toBe(slice);
});
