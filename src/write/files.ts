/**
 * Output files are written all-or-nothing: each goes to a temporary file beside its target
 * and is renamed into place only after every file was written, so a failure never leaves a
 * half-written CRD that a GitOps tool might apply.
 */
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeDirs } from "../runtime/make-dirs.js";

export interface OutputFile {
  path: string;
  content: string;
}

export async function writeAtomically(files: readonly OutputFile[]): Promise<void> {
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const f of files) {
      makeDirs(path.dirname(f.path));
      const temp = `${f.path}.crdgen-${process.pid}-${temps.length}.tmp`;
      temps.push({ temp, target: f.path });
      await writeFile(temp, f.content, "utf8");
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t.temp, { force: true })));
    throw e;
  }
  for (const t of temps) await rename(t.temp, t.target);
}
