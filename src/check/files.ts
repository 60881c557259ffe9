/**
 * Turns `crdgen check` arguments (files, directories, globs) into a sorted list of files.
 * Uses node's fs.promises.glob where it exists (Node 22+), tinyglobby otherwise.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { glob as tinyGlob, isDynamicPattern } from "tinyglobby";
import { describeFsError } from "../runtime/fs-error.js";

export type ExpandResult = { ok: true; files: string[] } | { ok: false; message: string };

const YAML_IN_DIR = "**/*.{yaml,yml,json}";

type NodeGlob = (
  pattern: string,
  options: { cwd: string; exclude?: (file: string) => boolean },
) => AsyncIterable<string>;

/**
 * `node_modules` is not searched unless the pattern names it: `crdgen check .` at a repository
 * root would otherwise read every package's JSON, and fail on the broken fixtures some ship.
 * A folder inside it given as the argument (`node_modules/chart/crds`) is searched. Under a
 * folder argument, dot-folders and dot-files (`.github`, `.git`) are not searched either, as
 * `crdgen diff` reads a folder; tinyglobby leaves them out of any `**` (dot: false), and Node's
 * glob is held to the same here.
 */
const NODE_MODULES = "node_modules";

/** Whether `file`, relative to where the search started, is one a search leaves out. */
function leftOut(file: string, skipNodeModules: boolean, skipDot: boolean): boolean {
  return file
    .split(/[\\/]/)
    .some((part) => (skipNodeModules && part === NODE_MODULES) || (skipDot && /^\.[^./]/.test(part)));
}

async function globFiles(pattern: string, cwd: string, folder = false): Promise<string[]> {
  const skipNodeModules = !pattern.includes(NODE_MODULES);
  const nodeGlob = (fs as unknown as { glob?: NodeGlob }).glob;
  let files: string[];
  if (typeof nodeGlob === "function") {
    const out: string[] = [];
    // Prunes the walk; the filter below decides.
    const exclude = (file: string) => leftOut(path.basename(file), skipNodeModules, folder);
    for await (const f of nodeGlob(pattern, { cwd, exclude })) out.push(path.resolve(cwd, f));
    const stats = await Promise.all(out.map((f) => fs.stat(f).catch(() => undefined)));
    files = out.filter((_, i) => stats[i]?.isFile());
  } else {
    const ignore = skipNodeModules ? [`**/${NODE_MODULES}/**`] : [];
    files = await tinyGlob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, ignore });
  }
  return files.filter((f) => !leftOut(path.relative(cwd, f), skipNodeModules, folder));
}

/** Every file named by `patterns`, deduplicated; a missing file or an empty glob is an error. */
export async function expandPatterns(patterns: readonly string[], cwd: string): Promise<ExpandResult> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    if (isDynamicPattern(pattern)) {
      let matched: string[];
      try {
        matched = await globFiles(pattern, cwd);
      } catch (e) {
        return { ok: false, message: `cannot expand ${pattern}: ${(e as Error).message}` };
      }
      if (matched.length === 0) return { ok: false, message: `no files match ${pattern}` };
      matched.forEach((f) => files.add(path.resolve(f)));
      continue;
    }
    const full = path.resolve(cwd, pattern);
    let stat;
    try {
      stat = await fs.stat(full);
      // A glob finds nothing in a folder it cannot list: say why rather than "no files".
      if (stat.isDirectory()) await fs.readdir(full);
    } catch (e) {
      return { ok: false, message: `cannot read ${pattern}: ${describeFsError(e)}` };
    }
    if (stat.isDirectory()) {
      const matched = await globFiles(YAML_IN_DIR, full, true);
      if (matched.length === 0) return { ok: false, message: `no .yaml, .yml or .json files in ${pattern}` };
      matched.forEach((f) => files.add(path.resolve(f)));
    } else {
      files.add(full);
    }
  }
  return { ok: true, files: [...files].sort() };
}
