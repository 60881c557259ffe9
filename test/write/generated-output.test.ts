/**
 * generate()'s files and stream are made from the rendered bytes only when read: they still
 * behave as the plain data the API documents (serialised, copied, assigned, written).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { streamBytes, writeOutput, type GeneratedCrds } from "../../src/generate.js";
import { bytesOf } from "../../src/write/files.js";
import { generateFrom } from "../helpers/generate.js";

const TYPES = `
/** @crd @group example.com @version v1 */
export interface Widget {
  spec: {
    /** Größe in Metern. */
    size: number;
    name?: string;
  };
}
/** @crd @group example.com @version v1 */
export interface Gadget { spec: { colour: "red" | "blue" } }
`;

function generated(): GeneratedCrds {
  const result = generateFrom(TYPES);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result;
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test("contents and the stream are the rendered bytes, as strings", () => {
  const result = generated();
  expect(result.files).toHaveLength(2);
  for (const f of result.files)
    expect(Buffer.from(f.content, "utf8")).toEqual(Buffer.concat(bytesOf(f).pieces));
  expect(result.stream).toBe(result.files.map((f) => f.content).join(""));
  expect(Buffer.concat(streamBytes(result).pieces).toString("utf8")).toBe(result.stream);
  expect(result.stream).toContain("Größe in Metern.");
});

test("a result serialises and copies as plain data", () => {
  const result = generated();
  const json = JSON.parse(JSON.stringify(result)) as GeneratedCrds;
  expect(json.stream).toBe(result.stream);
  expect(json.files.map((f) => Object.keys(f))).toEqual([
    ["path", "content"],
    ["path", "content"],
  ]);
  expect(json.files[0]!.content).toBe(result.files[0]!.content);
  const copy = { ...result.files[0]! };
  expect(Object.getOwnPropertyDescriptor(copy, "content")?.value).toBe(result.files[0]!.content);
  expect(result.files).toEqual(json.files);
});

test("a content or stream assigned by the caller is what is read and written", async () => {
  const result = generated();
  dir = mkdtempSync(path.join(tmpdir(), "crdgen-output-"));
  const file = result.files[0]!;
  file.path = path.join(dir, "widget.yaml");
  file.content = "# edited: ü\n";
  expect(file.content).toBe("# edited: ü\n");
  await writeOutput({ ...result, files: [file] });
  expect(readFileSync(file.path, "utf8")).toBe("# edited: ü\n");
  result.stream = "# all\n";
  expect(result.stream).toBe("# all\n");
  expect(streamBytes(result).toString()).toBe("# all\n");
});
