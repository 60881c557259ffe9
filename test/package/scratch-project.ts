/**
 * A user's project with crdgen installed: node_modules/crdgen is this package (a link, as `npm
 * link` makes), so Node and TypeScript resolve it through package.json's `exports`, as they
 * resolve an installed copy, and never through a path into the repository.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./package-root.js";

export interface ScratchProject {
  dir: string;
  write(file: string, text: string): string;
}

/**
 * A project of `type` (package.json's "type") with crdgen and `linked` packages of this
 * repository's node_modules (a bundler, @types/node) installed.
 */
export function scratchProject(type: "module" | "commonjs", linked: readonly string[] = []): ScratchProject {
  const dir = mkdtempSync(path.join(tmpdir(), "crdgen-user-"));
  const link = (name: string, target: string): void => {
    const at = path.join(dir, "node_modules", name);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(target, at, "dir");
  };
  link("crdgen", ROOT);
  for (const name of linked) link(name, path.join(ROOT, "node_modules", name));
  const write = (file: string, text: string): string => {
    const at = path.join(dir, file);
    mkdirSync(path.dirname(at), { recursive: true });
    writeFileSync(at, text);
    return at;
  };
  write("package.json", JSON.stringify({ name: "user-project", private: true, type }));
  return { dir, write };
}
