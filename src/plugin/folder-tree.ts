/**
 * Every folder under the folder entries, for a watcher that sees only the listing of each folder
 * it is given (esbuild's `watchDirs`). A folder made under a folder entry is empty when first
 * listed; the file saved in it later is a new entry, which only a watch on that folder sees.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { isSkippedFolderName } from "../read/program.js";

/** The folders and all their subfolders but those a folder entry skips (node_modules, dot-folders), sorted. */
export function folderTree(folders: readonly string[]): string[] {
  const tree = new Set<string>();
  const walk = (dir: string) => {
    if (tree.has(dir)) return;
    tree.add(dir);
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone meanwhile, or unreadable: the run reports an entry folder it cannot list
    }
    for (const e of names) if (e.isDirectory() && !isSkippedFolderName(e.name)) walk(path.join(dir, e.name));
  };
  for (const folder of folders) walk(folder);
  return [...tree].sort();
}
