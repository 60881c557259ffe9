/**
 * The "generated files are up to date" gate of a pull request: compares what a run would
 * write with what is on disk, without writing anything.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GenerateResult } from "./generate.js";

export type StaleStatus = "missing" | "stale" | "extra";

export interface StaleFile {
  path: string;
  status: StaleStatus;
  /** Unified diff from the file on disk to what crdgen generates (empty side for missing/extra). */
  diff: string;
}

export interface StaleReport {
  ok: boolean;
  files: StaleFile[];
}

/**
 * Compares a successful result with `outDir`. Extra files are those in `outDir` that look
 * like CRDs crdgen writes (`<group>_<plural>.yaml|json` holding a CustomResourceDefinition)
 * but that this run would not write; other files (kustomization.yaml, READMEs) are left alone.
 */
export async function checkStale(result: GenerateResult, outDir: string, cwd: string): Promise<StaleReport> {
  const files: StaleFile[] = [];
  const expected = new Set(result.files.map((f) => path.resolve(f.path)));
  for (const f of result.files) {
    const onDisk = await readOptional(f.path);
    if (onDisk === f.content) continue;
    const name = display(f.path, cwd);
    files.push({
      path: f.path,
      status: onDisk === undefined ? "missing" : "stale",
      diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, onDisk ?? "", f.content, "on disk", "generated"),
    });
  }
  for (const file of await listFiles(outDir)) {
    if (expected.has(file) || !/_[a-z0-9-]+\.(ya?ml|json)$/.test(file)) continue;
    const text = (await readOptional(file)) ?? "";
    if (!/kind:\s*CustomResourceDefinition|"kind":\s*"CustomResourceDefinition"/.test(text)) continue;
    const name = display(file, cwd);
    files.push({
      path: file,
      status: "extra",
      diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, text, "", "on disk", "not generated"),
    });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: files.length === 0, files };
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.resolve(dir, e.name));
  } catch {
    return [];
  }
}

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}
