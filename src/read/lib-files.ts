/**
 * TypeScript's `lib.*.d.ts` files. ts-morph ships them only as strings inside `@ts-morph/common`,
 * a 3 MB script whose loading cost every run ~30 ms and ~17 MB of memory, though a program uses a
 * handful of them. The first run copies them into crdgen's cache folder (next to the code cache,
 * one folder per TypeScript version); later runs read from there only the files TypeScript asks
 * for. As with the code cache, nothing here may fail a run: without a usable cache folder the
 * strings are taken from `@ts-morph/common` every time.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeDirs } from "../runtime/make-dirs.js";
import { cacheFolder, loadTsMorphCommon, tsApi } from "./typescript.js";

export interface LibFiles {
  /** The text of a lib file by name (`lib.es2022.d.ts`); undefined for any other name. */
  text(name: string): string | undefined;
}

/** Lists the folder's files; written last, so a folder with it is complete. */
const INDEX = "index.json";

let loaded: LibFiles | undefined;

export function libFiles(): LibFiles {
  return (loaded ??= libFilesIn(cacheFolder && path.join(cacheFolder, `lib-${tsApi.version}`)));
}

/**
 * The lib files from `folder` when a run wrote them there, else from `@ts-morph/common`, then
 * written to `folder` (when there is one) at exit.
 */
export function libFilesIn(
  folder: string | undefined,
  /** When to write the folder: at process exit (tests write on their own schedule). */
  atExit: (write: () => void) => void = (write) => void process.once("exit", write),
): LibFiles {
  if (folder) {
    const fromFolder = readFolder(folder);
    if (fromFolder) return fromFolder;
  }
  const files = loadTsMorphCommon().getLibFiles();
  if (folder) atExit(() => writeFolder(folder, files));
  const texts = new Map(files.map((f) => [f.fileName, f.text]));
  return { text: (name) => texts.get(name) };
}

function readFolder(folder: string): LibFiles | undefined {
  let names: Set<string>;
  try {
    names = new Set(JSON.parse(readFileSync(path.join(folder, INDEX), "utf8")) as string[]);
  } catch {
    return undefined;
  }
  const texts = new Map<string, string | undefined>();
  return {
    text(name) {
      if (!names.has(name)) return undefined;
      let text = texts.get(name);
      if (text === undefined) {
        try {
          text = readFileSync(path.join(folder, name), "utf8");
        } catch {
          // Removed from under us: the strings in @ts-morph/common still have it.
          text = loadTsMorphCommon()
            .getLibFiles()
            .find((f) => f.fileName === name)?.text;
        }
        texts.set(name, text);
      }
      return text;
    },
  };
}

/** Written aside and renamed: a parallel run sees the whole folder or none of it. */
function writeFolder(folder: string, files: ReadonlyArray<{ fileName: string; text: string }>): void {
  const temp = `${folder}.${process.pid}.tmp`;
  try {
    makeDirs(temp);
    for (const f of files) writeFileSync(path.join(temp, f.fileName), f.text);
    writeFileSync(path.join(temp, INDEX), JSON.stringify(files.map((f) => f.fileName)));
    renameSync(temp, folder);
  } catch {
    // Another run got there first, or the disk is read-only or full: run without it.
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
