/**
 * Input files and folders that cannot be read, and entries given twice: an unreadable file is an
 * error naming it (never skipped in silence), and a file is read once however often it is named.
 */
import { chmod, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InMemoryFileSystemHost } from "ts-morph";
import { beforeEach, describe, expect, test } from "vitest";
import { generate } from "../../src/generate.js";
import { runCli } from "../helpers/cli.js";

const crd = (kind: string, extra = "") =>
  `${extra}/** @crd @group example.com @version v1 */\nexport interface ${kind} { spec: { size?: number } }\n`;

/** An in-memory disk on which some paths answer as a file without read permission does. */
class DeniedFileSystem extends InMemoryFileSystemHost {
  constructor(private readonly denied: readonly string[]) {
    super();
  }
  override readFileSync(filePath: string, encoding?: string): string {
    if (this.denied.includes(filePath)) throw eacces("open", filePath);
    return super.readFileSync(filePath, encoding);
  }
  override readDirSync(dirPath: string): ReturnType<InMemoryFileSystemHost["readDirSync"]> {
    if (this.denied.includes(dirPath)) throw eacces("scandir", dirPath);
    return super.readDirSync(dirPath);
  }
}

function eacces(syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${file}'`), { code: "EACCES" });
}

describe("unreadable inputs are errors naming them", () => {
  test.each([
    [
      "an entry file, beside a good one",
      ["/p/ok.ts", "/p/denied.ts"],
      "cannot read denied.ts: permission denied",
    ],
    ["the only entry file", ["/p/denied.ts"], "cannot read denied.ts: permission denied"],
    ["a file an entry imports", ["/p/imports.ts"], "cannot read denied.ts: permission denied"],
    ["a folder entry", ["/p/ok.ts", "/p/locked"], "cannot read locked: permission denied"],
    ["a folder under a folder entry", ["/p"], "cannot read locked: permission denied"],
  ])("%s", (_what, entries, message) => {
    const fileSystem = new DeniedFileSystem(["/p/denied.ts", "/p/locked"]);
    fileSystem.writeFileSync("/p/ok.ts", crd("Widget"));
    fileSystem.writeFileSync("/p/denied.ts", crd("Gadget"));
    fileSystem.writeFileSync("/p/imports.ts", crd("Gizmo", 'import "./denied.js";\n'));
    fileSystem.writeFileSync("/p/locked/inner.ts", crd("Thing"));
    const result = generate({ entries, cwd: "/p", fileSystem, typeCheck: false });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toContainEqual({ severity: "error", code: "CRD4001", message });
  });

  // Permissions do not stop root: on the real disk this runs only as another user.
  const isRoot = process.getuid?.() === 0;
  test.skipIf(isRoot)("on the disk, through the command line (exit 1)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crdgen-inputs-"));
    await writeFile(path.join(dir, "ok.ts"), crd("Widget"));
    await writeFile(path.join(dir, "denied.ts"), crd("Gadget"));
    await chmod(path.join(dir, "denied.ts"), 0o000);
    await mkdir(path.join(dir, "locked"));
    await chmod(path.join(dir, "locked"), 0o000);
    for (const [args, shown] of [
      [["ok.ts", "denied.ts"], "denied.ts"],
      [["ok.ts", "locked"], "locked"],
    ] as const) {
      const run = await runCli([...args, "--stdout"], dir);
      expect(run).toMatchObject({ code: 1, stdout: "" });
      expect(run.stderr).toContain(`cannot read ${shown}: permission denied`);
    }
  });
});

describe("an entry given twice is one entry", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "crdgen-inputs-"));
    await mkdir(path.join(dir, "api"));
    await writeFile(path.join(dir, "api", "widget.ts"), crd("Widget"));
    await writeFile(path.join(dir, "api", "gadget.ts"), crd("Gadget"));
  });

  test.each([
    ["the same file twice", ["api/widget.ts", "api/widget.ts"], ["widgets"]],
    ["one file written two ways", ["api/widget.ts", "./api/../api/widget.ts"], ["widgets"]],
    ["a folder and a file in it", ["api", "api/widget.ts"], ["gadgets", "widgets"]],
    ["a file and the folder it is in", ["api/widget.ts", "api"], ["gadgets", "widgets"]],
    ["the same folder twice", ["api", "api/"], ["gadgets", "widgets"]],
  ])("%s", async (_what, args, plurals) => {
    const run = await runCli([...args, "--stdout"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect([...run.stdout.matchAll(/^ {4}plural: (\w+)$/gm)].map((m) => m[1])).toEqual(plurals);
  });
});

describe("entries that name no file say what to give instead", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "crdgen-inputs-"));
    await mkdir(path.join(dir, "api", "v1"), { recursive: true });
    await mkdir(path.join(dir, "dist"));
    await writeFile(path.join(dir, "api", "v1", "widget.ts"), crd("Widget"));
    await writeFile(path.join(dir, "dist", "widget.d.ts"), crd("Widget"));
  });

  test.each([
    [
      "a quoted glob (crdgen expands none)",
      ["api/**/*.ts"],
      "hint: crdgen expands no globs (a quoted one reaches it as written): give the files, or a folder (api), which stands for the TypeScript files under it",
    ],
    [
      "the .js an import would name",
      ["api/v1/widget.js"],
      `hint: give the TypeScript file, ${path.join("api", "v1", "widget.ts")}`,
    ],
  ])("%s: an error with a hint (exit 1)", async (_what, args, hint) => {
    const run = await runCli([...args, "--stdout"], dir);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    // Relative to the current folder, as every other path in a run's messages.
    expect(run.stderr).toContain(`error CRD4001: File not found: ${args[0]!}\n`);
    expect(run.stderr).toContain(hint);
  });

  test("a folder of declaration files only: a warning before the no-CRD error", async () => {
    const run = await runCli(["dist", "--stdout"], dir);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(run.stderr).toContain("warning CRD4001: dist holds no TypeScript file to read.");
    expect(run.stderr).toContain("name a declaration file to read it");
    expect((await runCli([path.join("dist", "widget.d.ts"), "--stdout"], dir)).code).toBe(0);
  });
});
