/**
 * requireWithCodeCache loads CommonJS as `require` does, saves V8's compiled code for the next
 * process, starts from a saved entry V8 accepts, replaces one it rejects, and never fails a
 * run over the cache.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cacheDirNear, requireWithCodeCache } from "../../src/runtime/code-cache.js";

interface Sample {
  joined: string;
  fail(): never;
}

let dir: string;
let file: string;
let cacheDir: string;
/** Saves the code asked for since the last call, as the process's exit would. */
let saves: Array<() => void>;
const atExit = (save: () => void) => void saves.push(save);
/** Whether the run did its whole work, as markRunComplete would say when the saves run. */
let complete: boolean;
const runComplete = () => complete;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "crdgen-code-cache-"));
  file = path.join(dir, "sample.js");
  cacheDir = path.join(dir, "cache");
  saves = [];
  complete = true;
  writeFileSync(
    file,
    `const path = require("node:path");
     exports.joined = path.posix.join("a", "b");
     exports.fail = function fail() { throw new Error("from the sample"); };`,
  );
});
afterEach(() => {
  forget();
  rmSync(dir, { recursive: true, force: true });
  delete process.env.NODE_DISABLE_COMPILE_CACHE;
});

/** Drops the module from require's cache, as a new process would start without it. */
function forget(): void {
  delete createRequire(file).cache[file];
}

function load(): Sample {
  return requireWithCodeCache(file, cacheDir, { atExit, runComplete }) as Sample;
}

function saveAll(): void {
  for (const save of saves.splice(0)) save();
}

function entries(): string[] {
  try {
    return readdirSync(cacheDir);
  } catch {
    return [];
  }
}

it("loads the module as require would, with its own require, once per process", () => {
  const sample = load();
  expect(sample.joined).toBe("a/b");
  // A later plain require (ts-morph's, say) gets the same module, not a second copy.
  expect(createRequire(file)(file)).toBe(sample);
  expect(load()).toBe(sample);
  // Stack traces still name the module's file.
  expect(() => sample.fail()).toThrow("from the sample");
  try {
    sample.fail();
  } catch (e) {
    expect((e as Error).stack).toContain(file);
  }
});

it("reads the file as UTF-8, text beyond ASCII included", () => {
  writeFileSync(file, 'exports.joined = "naïve ✓ 😀";');
  expect(load().joined).toBe("naïve ✓ 😀");
  forget();
  writeFileSync(file, 'exports.joined = "plain \\u00e9";');
  expect(load().joined).toBe("plain é");
});

it("asks to save an entry when there is none", () => {
  load();
  expect(saves).toHaveLength(1);
  expect(entries()).toEqual([]);
  saveAll();
  expect(entries()).toHaveLength(1);
});

describe("across processes", () => {
  // V8 also caches compiled code within a process, which would answer for the saved entry:
  // whether V8 takes or rejects an entry shows only in a new process. The module under test
  // is bundled to plain JavaScript for those.
  let runner: string;
  beforeAll(async () => {
    const { build } = await import("esbuild");
    const out = mkdtempSync(path.join(tmpdir(), "crdgen-code-cache-runner-"));
    await build({
      entryPoints: [fileURLToPath(new URL("../../src/runtime/code-cache.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: path.join(out, "code-cache.mjs"),
      logLevel: "silent",
    });
    runner = path.join(out, "run.mjs");
    writeFileSync(
      runner,
      `import { markRunComplete, requireWithCodeCache } from "./code-cache.mjs";
       process.stdout.write(requireWithCodeCache(process.argv[2], process.argv[3]).joined);
       if (process.argv[4] === "complete") markRunComplete();`,
    );
  });

  function run(how: "complete" | "stopped early" = "complete"): string {
    return execFileSync(process.execPath, [runner, file, cacheDir, how], { encoding: "utf8" });
  }

  function entry(): { path: string; bytes: Buffer; mtimeMs: number } {
    const names = entries();
    expect(names).toHaveLength(1);
    const at = path.join(cacheDir, names[0]!);
    return { path: at, bytes: readFileSync(at), mtimeMs: statSync(at).mtimeMs };
  }

  it("saves an entry at exit, and the next process starts from it", () => {
    expect(run()).toBe("a/b");
    const first = entry();
    expect(run()).toBe("a/b");
    // Taken as it was: not written again.
    expect(entry()).toEqual(first);
  });

  it("replaces a partial entry once a run marks itself complete", () => {
    expect(run("stopped early")).toBe("a/b");
    const partial = entry();
    expect(partial.path).toMatch(/\.partial\.v8cache$/);
    expect(run("stopped early")).toBe("a/b");
    expect(entry()).toEqual(partial);
    expect(run()).toBe("a/b");
    const completed = entry();
    expect(completed.path).toBe(partial.path.replace(".partial.v8cache", ".v8cache"));
    expect(run("stopped early")).toBe("a/b");
    expect(entry()).toEqual(completed);
  });

  it("replaces an entry V8 rejects", () => {
    run();
    const { path: at } = entry();
    writeFileSync(at, "not V8 code");
    expect(run()).toBe("a/b");
    const replaced = entry();
    expect(replaced.bytes.toString("utf8")).not.toBe("not V8 code");
    expect(run()).toBe("a/b");
    expect(entry()).toEqual(replaced);
  });
});

it("replaces the entry of an earlier version of the file, and keeps other files' entries", () => {
  const other = path.join(dir, "other.js");
  writeFileSync(other, `exports.joined = "other";`);
  requireWithCodeCache(other, cacheDir, { atExit, runComplete });
  load();
  saveAll();
  const [first, second] = entries().sort();
  expect(second).toBeDefined();
  forget();
  writeFileSync(file, `exports.joined = "changed";`);
  expect(load().joined).toBe("changed");
  saveAll();
  const now = entries();
  expect(now).toHaveLength(2);
  expect(now.filter((e) => e.startsWith("other-"))).toEqual([first!.startsWith("other-") ? first : second]);
  expect(now.filter((e) => e.startsWith("sample-"))).not.toEqual(
    [first, second].filter((e) => e!.startsWith("sample-")),
  );
  delete createRequire(other).cache[other];
});

it("keeps an entry for each variant, and replaces a variant's earlier entry only", () => {
  const loadAs = (variant?: string) => {
    forget();
    return requireWithCodeCache(file, cacheDir, {
      atExit,
      runComplete,
      ...(variant ? { variant } : {}),
    }) as Sample;
  };
  loadAs();
  loadAs("check");
  saveAll();
  const both = entries().sort();
  expect(both).toHaveLength(2);
  expect(both.filter((e) => e.startsWith("sample.check-"))).toHaveLength(1);
  expect(both.filter((e) => e.startsWith("sample-"))).toHaveLength(1);
  // A variant with an entry asks for no second one.
  loadAs("check");
  expect(saves).toHaveLength(0);
  // A new version of the file: the check entry replaced, the plain one left to its own next run.
  writeFileSync(file, `exports.joined = "changed";`);
  expect(loadAs("check").joined).toBe("changed");
  saveAll();
  const now = entries().sort();
  expect(now).toHaveLength(2);
  expect(now.filter((e) => e.startsWith("sample-"))).toEqual(both.filter((e) => e.startsWith("sample-")));
  expect(now.filter((e) => e.startsWith("sample.check-"))).not.toEqual(
    both.filter((e) => e.startsWith("sample.check-")),
  );
});

it("saves a partial entry after a run that stopped early, until a complete run replaces it", () => {
  complete = false;
  load();
  saveAll();
  const [partial] = entries();
  expect(entries()).toEqual([expect.stringMatching(/^sample-.*\.partial\.v8cache$/)]);
  const bytes = readFileSync(path.join(cacheDir, partial!));
  // Another run that stops early starts from it and leaves it as it is.
  forget();
  load();
  saveAll();
  expect(entries()).toEqual([partial]);
  expect(readFileSync(path.join(cacheDir, partial!))).toEqual(bytes);
  // A complete run replaces it, and the next starts from its entry without saving again.
  complete = true;
  forget();
  load();
  saveAll();
  expect(entries()).toEqual([partial!.replace(".partial.v8cache", ".v8cache")]);
  forget();
  load();
  expect(saves).toHaveLength(0);
});

it("is off with NODE_DISABLE_COMPILE_CACHE", () => {
  process.env.NODE_DISABLE_COMPILE_CACHE = "1";
  expect(load().joined).toBe("a/b");
  expect(saves).toHaveLength(0);
});

it("runs without a cache it cannot write", () => {
  // A file where the cache folder should be: creating the folder fails.
  writeFileSync(cacheDir, "in the way");
  expect(load().joined).toBe("a/b");
  expect(saveAll).not.toThrow();
  expect(statSync(cacheDir).isFile()).toBe(true);
});

describe("the cache folder", () => {
  it("is node_modules/.cache/crdgen of the install, made when first written", () => {
    const installed = path.join(dir, "node_modules", "ts-morph", "dist", "ts-morph.js");
    mkdirSync(path.dirname(installed), { recursive: true });
    expect(cacheDirNear(installed, {})).toBe(path.join(dir, "node_modules", ".cache", "crdgen"));
  });

  it("is the user's cache folder where the install's cannot be written", () => {
    // As root every folder can be written: a file where a folder should be stands in for that.
    const installed = path.join(dir, "node_modules", "ts-morph", "dist", "ts-morph.js");
    mkdirSync(path.dirname(installed), { recursive: true });
    writeFileSync(path.join(dir, "node_modules", ".cache"), "not a folder");
    expect(cacheDirNear(installed, { XDG_CACHE_HOME: "/var/cache/me" })).toBe(
      path.join("/var/cache/me", "crdgen"),
    );
    // A relative XDG_CACHE_HOME is ignored, as the XDG spec asks.
    expect(cacheDirNear(installed, { XDG_CACHE_HOME: "cache" })).toBe(
      path.join(homedir(), ".cache", "crdgen"),
    );
    // Outside any node_modules folder too.
    expect(cacheDirNear(path.join(dir, "lib", "ts-morph.js"), { XDG_CACHE_HOME: "/var/cache/me" })).toBe(
      path.join("/var/cache/me", "crdgen"),
    );
  });
});
