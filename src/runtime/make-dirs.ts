/**
 * `mkdir -p` that always returns. Node's `mkdir(dir, { recursive: true })` never returns (it spins
 * at full CPU) when a folder on the way exists but the system answers ENOENT for a child of it,
 * as for any path under /proc; `crdgen --out-dir /proc/x` hung that way. Here the missing
 * folders are made one at a time, from the deepest folder that exists down, and any failure is
 * final.
 */
import { mkdirSync, statSync, type Stats } from "node:fs";
import path from "node:path";

export function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  let found = statOf(at);
  while (found === undefined) {
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
    found = statOf(at);
  }
  if (found && !found.isDirectory()) throw fsError("ENOTDIR", "not a directory", at);
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      // Made meanwhile by someone else: fine. A symlink to nothing says EEXIST too.
      const now = statOf(folder);
      if (now === undefined) throw fsError("ENOENT", "symbolic link to nothing", folder);
      if (!now.isDirectory()) throw e;
    }
  }
}

/**
 * The stats of `p`, or undefined when nothing is there (or a symlink to nothing). Under a file
 * (ENOTDIR) nothing is there either: the walk up then stops at that file, which the error names.
 */
function statOf(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw e;
  }
}

function fsError(code: string, what: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${what}, mkdir '${p}'`), { code, path: p, syscall: "mkdir" });
}
