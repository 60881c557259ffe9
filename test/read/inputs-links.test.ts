/**
 * Entries on the disk that are links, pipes or devices: a symbolic link and the file it names are
 * one file (TypeScript would load them as two, each declaring the same CRDs), a linked folder
 * under a folder entry is read as tsc's `include` reads it, and what is not a file says so.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { runCli } from "../helpers/cli.js";

const crd = (kind: string) =>
  `/** @crd @group example.com @version v1 */\nexport interface ${kind} { spec: { size?: number } }\n`;

const plurals = (stdout: string) => [...stdout.matchAll(/^ {4}plural: (\w+)$/gm)].map((m) => m[1]);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-links-"));
  await mkdir(path.join(dir, "api", "v1"), { recursive: true });
  await mkdir(path.join(dir, "shared"));
  await writeFile(path.join(dir, "api", "v1", "widget.ts"), crd("Widget"));
  await writeFile(path.join(dir, "shared", "gadget.ts"), crd("Gadget"));
});

describe("a symbolic link and what it names are read once", () => {
  test.each([
    [
      "a link to a file, and the file",
      "api/current.ts",
      "v1/widget.ts",
      ["api/current.ts", "api/v1/widget.ts"],
    ],
    ["a folder holding a link to a file in it", "api/current.ts", "v1/widget.ts", ["api"]],
    ["a link to a folder, and the folder", "latest", "api/v1", ["latest", "api/v1"]],
    ["a folder holding a link to a folder in it", "api/latest", "v1", ["api"]],
  ])("%s", async (_what, link, target, args) => {
    await symlink(target, path.join(dir, link));
    const run = await runCli([...args, "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(plurals(run.stdout)).toEqual(["widgets"]);
  });
});

describe("a linked folder under a folder entry is read, as tsc's include reads it", () => {
  test("a link to a folder outside the entry", async () => {
    await symlink(path.join("..", "shared"), path.join(dir, "api", "shared"));
    const run = await runCli(["api", "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(plurals(run.stdout)).toEqual(["gadgets", "widgets"]);
  });

  test("a link to a folder above it is followed once (no loop)", async () => {
    await symlink("..", path.join(dir, "api", "v1", "up"));
    const run = await runCli(["api", "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(plurals(run.stdout)).toEqual(["widgets"]);
  });
});

describe("an entry that is there but is not a file says what it is (exit 1)", () => {
  test.skipIf(process.platform === "win32")("a named pipe, a device", async () => {
    execFileSync("mkfifo", [path.join(dir, "pipe.ts")]);
    for (const [entry, what] of [
      ["pipe.ts", "a pipe"],
      ["/dev/null", "a device"],
    ] as const) {
      const run = await runCli([entry, "--stdout"], dir);
      expect(run).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr).toContain(`error CRD4001: ${entry} is ${what}, not a file.\n`);
      expect(run.stderr).not.toContain("File not found");
    }
  });
});
