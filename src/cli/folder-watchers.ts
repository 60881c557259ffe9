/**
 * The folder watchers of watch mode: one non-recursive `fs.watch` per folder, subfolders of a
 * folder entry walked by crdgen itself. Node's own recursive watch on Linux (Node 20) watches
 * each file's inode: after an atomic save (a temporary file renamed over the original, as vim,
 * JetBrains and `sed -i` save) it goes on watching the deleted inode and never reports that file
 * again. A folder's watcher reports every name in it, however the file under it was replaced.
 */
import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { isSkippedFolderName } from "../read/program.js";

interface Watched {
  watcher: FSWatcher;
  /** The folder's inode when the watcher started: a folder deleted and made again is a new one. */
  ino: number;
}

export class FolderWatchers {
  private readonly watched = new Map<string, Watched>();

  /** `onEvent` gets the absolute path of each name an event names in a watched folder. */
  constructor(private readonly onEvent: (file: string) => void) {}

  has(folder: string): boolean {
    return this.watched.has(folder);
  }

  /**
   * Watches exactly `folders`, and `trees` with their subfolders (not node_modules or
   * dot-folders, which a folder entry leaves out too). A folder that does not exist (yet) is
   * not watched; one that was replaced since it was watched is watched again.
   */
  update(folders: Iterable<string>, trees: Iterable<string>): void {
    const wanted = new Set(folders);
    for (const tree of trees) for (const folder of foldersUnder(tree)) wanted.add(folder);
    for (const [folder, { watcher, ino }] of this.watched) {
      if (wanted.has(folder) && inodeOf(folder) === ino) continue;
      watcher.close();
      this.watched.delete(folder);
    }
    for (const folder of wanted) if (!this.watched.has(folder)) this.start(folder);
  }

  close(): void {
    for (const { watcher } of this.watched.values()) watcher.close();
    this.watched.clear();
  }

  private start(folder: string): void {
    const ino = inodeOf(folder);
    if (ino === undefined) return;
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name) this.onEvent(path.join(folder, name.toString()));
      });
      // A folder that becomes unwatchable (deleted, on Windows) is dropped, not thrown: the next
      // update watches it again if it is back.
      watcher.on("error", () => {
        watcher.close();
        if (this.watched.get(folder)?.watcher === watcher) this.watched.delete(folder);
      });
      this.watched.set(folder, { watcher, ino });
    } catch {
      // Deleted between the stat and the watch, or not readable: its files are reported by the run.
    }
  }
}

function inodeOf(folder: string): number | undefined {
  try {
    const s = statSync(folder);
    return s.isDirectory() ? s.ino : undefined;
  } catch {
    return undefined;
  }
}

/** `root` and every folder under it that a folder entry looks into, linked ones included, each once. */
function foldersUnder(root: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string) => {
    let names;
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      out.push(dir);
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // Gone or unreadable: the run reports an unreadable folder entry.
    }
    for (const e of names) {
      if (isSkippedFolderName(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory() || (e.isSymbolicLink() && inodeOf(full) !== undefined)) walk(full);
    }
  };
  if (inodeOf(root) !== undefined) walk(root);
  return out;
}
