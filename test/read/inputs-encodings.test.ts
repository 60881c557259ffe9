/**
 * Source files as editors save them: a byte order mark, CRLF line ends, tabs, UTF-16, and files
 * that are not UTF-8 at all (Latin-1), which TypeScript reads with U+FFFD in place of each byte
 * that is not UTF-8 text, in silence: crdgen warns (CRD4005) where the first one is.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { firstUndecodable } from "../../src/read/undecodable.js";
import { runCli } from "../helpers/cli.js";

const source = (doc: string) =>
  `/** @crd @group example.com @version v1 */\nexport interface Widget {\n\tspec: {\n\t\t/** ${doc} */\n\t\tsize?: string;\n\t};\n}\n`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-encodings-"));
});

async function generate(bytes: Buffer) {
  await writeFile(path.join(dir, "widget.ts"), bytes);
  return runCli(["widget.ts", "--stdout"], dir);
}

describe("a file that is not UTF-8 gets a warning at its first byte that is not", () => {
  test("Latin-1: at the line and column an editor shows, with the byte (the CRD is still written)", async () => {
    const run = await generate(Buffer.from(source("Größe in °C"), "latin1"));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'widget.ts:4:9 - warning CRD4005: This file is not UTF-8: TypeScript reads the byte 0xF6 here, and any other that is not UTF-8 text, as "\ufffd" (U+FFFD).\n' +
        "  hint: save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8), or a description or value taken from it has \ufffd in the CRD\n",
    );
    expect(run.stdout).toContain("description: Gr\ufffd\ufffde in \ufffdC");
  });

  test("after a U+FFFD written as such, and a byte order mark", async () => {
    const text = Buffer.from(source("\ufffd ok, bad:"), "utf8");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
    const bad = bytes.indexOf("bad:") + 3;
    bytes[bad + 1] = 0xe9; // "é" in Latin-1, in place of the space
    const run = await generate(bytes);
    expect(run.stderr).toContain(
      "widget.ts:4:17 - warning CRD4005: This file is not UTF-8: TypeScript reads the byte 0xE9 here",
    );
  });
});

describe("files TypeScript reads as written: no warning", () => {
  test.each([
    ["UTF-8 with U+FFFD written as such", Buffer.from(source("\ufffd é 😀"), "utf8")],
    [
      "a byte order mark and CRLF line ends",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source("Größe").replace(/\n/g, "\r\n"))]),
    ],
    [
      "UTF-16 LE with its byte order mark",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source("Größe"), "utf16le")]),
    ],
    [
      "UTF-16 BE with its byte order mark",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source("Größe"), "utf16le").swap16()]),
    ],
  ])("%s", async (_what, bytes) => {
    const run = await generate(bytes);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/description: (Größe|"?\ufffd é 😀"?)\n/);
  });
});

test("firstUndecodable: the index in TypeScript's text, past a genuine U+FFFD", () => {
  const bytes = Buffer.concat([Buffer.from("a\ufffdb", "utf8"), Buffer.from([0xff]), Buffer.from("c")]);
  expect(firstUndecodable(bytes, bytes.toString("utf8"))).toEqual({ index: 3, byte: 0xff });
  expect(firstUndecodable(Buffer.from("a\ufffdb"), "a\ufffdb")).toBeUndefined();
});
