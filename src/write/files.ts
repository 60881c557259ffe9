/**
 * Output files are written all-or-nothing: each goes to a temporary file beside its target
 * and is renamed into place only after every file was written, so a failure never leaves a
 * half-written CRD that a GitOps tool might apply.
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeDirs } from "../runtime/make-dirs.js";
import { settled, tracked } from "./temp-files.js";

export interface OutputFile {
  path: string;
  content: string;
}

/** Temporary names are unique in the process: two writes of one target at once (two builds) must not share one. */
let written = 0;

export async function writeAtomically(files: readonly OutputFile[]): Promise<void> {
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const f of files) {
      makeDirs(path.dirname(f.path));
      const temp = `${f.path}.crdgen-${process.pid}-${written++}.tmp`;
      temps.push({ temp, target: f.path });
      tracked(temp);
      await writeFile(temp, f.content, "utf8");
    }
  } catch (e) {
    await removeTemps(temps);
    throw e;
  }
  try {
    for (const t of temps) {
      await rename(t.temp, t.target);
      settled(t.temp);
    }
  } catch (e) {
    // Those already renamed are gone (force); none is left behind beside the CRDs.
    await removeTemps(temps);
    throw e;
  }
}

async function removeTemps(temps: readonly { temp: string }[]): Promise<void> {
  await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
  for (const t of temps) settled(t.temp);
}

/**
 * The files whose content differs from what is on disk (or that are not there): the others are
 * left as they are, so their mtime says they did not change (make, GitOps tools and file
 * watchers act on it), as watch mode and the plugins leave them.
 */
export async function changedFiles(files: readonly OutputFile[]): Promise<OutputFile[]> {
  const current = await Promise.all(files.map((f) => readFile(f.path, "utf8").catch(() => undefined)));
  return files.filter((f, i) => current[i] !== f.content);
}
