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

type NodeGlob = (pattern: string, options: { cwd: string }) => AsyncIterable<string>;

async function globFiles(pattern: string, cwd: string): Promise<string[]> {
  const nodeGlob = (fs as unknown as { glob?: NodeGlob }).glob;
  if (typeof nodeGlob === "function") {
    const out: string[] = [];
    for await (const f of nodeGlob(pattern, { cwd })) out.push(path.resolve(cwd, f));
    const stats = await Promise.all(out.map((f) => fs.stat(f).catch(() => undefined)));
    return out.filter((_, i) => stats[i]?.isFile());
  }
  return tinyGlob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false });
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
      const matched = await globFiles(YAML_IN_DIR, full);
      if (matched.length === 0) return { ok: false, message: `no .yaml, .yml or .json files in ${pattern}` };
      matched.forEach((f) => files.add(path.resolve(f)));
    } else {
      files.add(full);
    }
  }
  return { ok: true, files: [...files].sort() };
}
