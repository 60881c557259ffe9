/** makeDirs: `mkdir -p` that fails where Node's recursive mkdir never returns. */
import { existsSync } from "node:fs";
import { mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeDirs } from "../../src/runtime/make-dirs.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crdgen-dirs-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("makeDirs", () => {
  it("makes every missing folder, and is a no-op for one that exists", async () => {
    const deep = path.join(dir, "a", "b", "c");
    makeDirs(deep);
    expect((await stat(deep)).isDirectory()).toBe(true);
    expect(() => makeDirs(deep)).not.toThrow();
    expect(() => makeDirs(dir)).not.toThrow();
  });

  it("fails on a file in the way", async () => {
    await writeFile(path.join(dir, "file"), "");
    expect(() => makeDirs(path.join(dir, "file"))).toThrow(/ENOTDIR: not a directory, mkdir '.*file'/);
    expect(() => makeDirs(path.join(dir, "file", "below"))).toThrow(/ENOTDIR/);
  });

  it("fails on a symbolic link to nothing", async () => {
    await symlink(path.join(dir, "nowhere"), path.join(dir, "dangling"));
    expect(() => makeDirs(path.join(dir, "dangling", "crds"))).toThrow(
      /symbolic link to nothing, mkdir '.*dangling'/,
    );
  });

  // Node's `mkdir(p, { recursive: true })` spins forever on this path; only Linux has /proc.
  it.runIf(existsSync("/proc/self"))("fails, and returns, under /proc", () => {
    expect(() => makeDirs("/proc/crdgen-nope/crds")).toThrow(/ENOENT/);
  });
});
