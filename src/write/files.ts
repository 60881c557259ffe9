/**
 * Output files are written all-or-nothing: each goes to a temporary file beside its target
 * and is renamed into place only after every file was written, so a failure never leaves a
 * half-written CRD that a GitOps tool might apply.
 */
import { lstatSync, realpathSync, statSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeDirs } from "../runtime/make-dirs.js";
import { settled, tracked } from "./temp-files.js";
import { Utf8Text } from "./utf8-text.js";

export interface OutputFile {
  path: string;
  content: string;
}

/** The bytes of files made by renderedFile: written as rendered, with no string made between. */
const renderings = new WeakMap<OutputFile, Utf8Text>();

/** An output file whose `content` is made from `text` when first read (see Utf8Text). */
export function renderedFile(path: string, text: Utf8Text): OutputFile {
  const file: OutputFile = {
    path,
    get content(): string {
      return bytesOf(file).toString();
    },
    set content(value: string) {
      renderings.set(file, Utf8Text.of(value));
    },
  };
  renderings.set(file, text);
  return file;
}

/** A file's content as UTF-8 bytes: as rendered for a file from renderedFile, else encoded. */
export function bytesOf(file: OutputFile): Utf8Text {
  return renderings.get(file) ?? Utf8Text.of(file.content);
}

/** Temporary names are unique in the process: two writes of one target at once (two builds) must not share one. */
let written = 0;

export async function writeAtomically(files: readonly OutputFile[]): Promise<void> {
  const temps: { temp: string; target: string }[] = [];
  try {
    const targets = files.map((f) => writtenPath(f.path));
    for (const [i, f] of files.entries()) {
      const target = targets[i]!;
      makeDirs(path.dirname(target));
      const temp = `${target}.crdgen-${process.pid}-${written++}.tmp`;
      temps.push({ temp, target });
      tracked(temp);
      await writeFile(temp, bytesOf(f).pieces);
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

/**
 * Where a file's content goes. A symbolic link is written through, as an editor saves one: the
 * rename would otherwise put a file in its place and leave the file it names stale. A folder in
 * the way is an error before anything is written (a rename onto it fails after others are done).
 */
function writtenPath(file: string): string {
  let target = file;
  try {
    if (lstatSync(file).isSymbolicLink()) target = realpathSync(file);
  } catch {
    // Nothing there, or a link to nothing: the file is made where it was named.
  }
  let isFolder = false;
  try {
    isFolder = statSync(target).isDirectory();
  } catch {
    // Nothing there yet.
  }
  if (isFolder)
    throw Object.assign(new Error(`EISDIR: illegal operation on a directory, open '${file}'`), {
      code: "EISDIR",
      path: file,
      syscall: "open",
    });
  return target;
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
  const current = await Promise.all(files.map((f) => readFile(f.path).catch(() => undefined)));
  return files.filter((f, i) => current[i] === undefined || !bytesOf(f).equals(current[i]));
}
