/**
 * The "generated files are up to date" gate of a pull request: compares what a run would
 * write with what is on disk, without writing anything.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GenerateResult } from "./generate.js";
import { duplicateCrdFiles, extraCrdFiles, withLf } from "./write/stale-files.js";

export type StaleStatus = "missing" | "stale" | "extra";

export interface StaleFile {
  path: string;
  status: StaleStatus;
  /**
   * Unified diff from the file on disk to what crdgen generates (empty side for missing/extra);
   * empty when only the line endings differ.
   */
  diff: string;
  /**
   * A stale file that differs only in having CRLF line endings (git's `core.autocrlf` on
   * Windows converts them on checkout): a diff of it would show every line.
   */
  crlfOnly?: boolean;
  /**
   * For an extra file: whether crdgen wrote it, so that generating removes it. Another (a CRD
   * written by hand, or edited since) is kept: the user has to delete it.
   */
  crdgenOutput?: boolean;
  /**
   * For an extra file named otherwise than crdgen names CRD files: the CRD it holds that the run
   * also generates, and the file that gets it. `kubectl apply -f` of the folder would apply both.
   */
  duplicates?: { name: string; generated: string };
}

export interface StaleReport {
  ok: boolean;
  files: StaleFile[];
}

/**
 * Compares a successful result with `outDir` (relative to `cwd`, the process's by default). Extra
 * files are those in `outDir` that look like CRDs crdgen writes (`<group>_<plural>.yaml|json`
 * holding a CustomResourceDefinition) but that this run would not write (write/stale-files.ts);
 * other files (kustomization.yaml, READMEs) are left alone, but for one that holds a CRD this run
 * generates (a copy kept from before crdgen, `widget-crd.yaml`): applying the folder would apply
 * both, the file applied last winning.
 */
export async function checkStale(
  result: GenerateResult,
  outDir: string,
  cwd: string = process.cwd(),
): Promise<StaleReport> {
  // A relative outDir is the one `generate` was given: relative to the same cwd, not the process's.
  const folder = path.resolve(cwd, outDir);
  const files: StaleFile[] = [];
  const expected = new Set(result.files.map((f) => path.resolve(f.path)));
  for (const f of result.files) {
    const onDisk = await readOptional(f.path);
    if (onDisk === f.content) continue;
    const name = display(f.path, cwd);
    if (onDisk !== undefined && withLf(onDisk) === f.content) {
      files.push({ path: f.path, status: "stale", diff: "", crlfOnly: true });
      continue;
    }
    files.push({
      path: f.path,
      status: onDisk === undefined ? "missing" : "stale",
      diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, onDisk ?? "", f.content, "on disk", "generated"),
    });
  }
  for (const extra of await extraCrdFiles(folder, expected)) {
    const name = display(extra.path, cwd);
    files.push({
      path: extra.path,
      status: "extra",
      diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, extra.text, "", "on disk", "not generated"),
      crdgenOutput: extra.crdgenOutput,
    });
  }
  const generated = new Map<string, string>();
  result.crds.forEach((crd, i) => {
    const file = result.files[i];
    if (crd.metadata.name !== undefined && file) generated.set(crd.metadata.name, path.resolve(file.path));
  });
  for (const copy of await duplicateCrdFiles(folder, generated)) {
    const name = display(copy.path, cwd);
    files.push({
      path: copy.path,
      status: "extra",
      diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, copy.text, "", "on disk", "not generated"),
      crdgenOutput: false,
      duplicates: { name: copy.name, generated: copy.generated },
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

function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") ? file : rel.split(path.sep).join("/");
}
