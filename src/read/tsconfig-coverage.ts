/**
 * Which entries a tsconfig's `files`, `include` and `exclude` take in, as `tsc -p` would, without
 * listing the folders `include` names (crdgen loads only the entries and what they import): the
 * tsconfig is read against a file system that holds only the entries, through TypeScript's own
 * matcher. An entry it leaves out is one tsc would not check under that tsconfig.
 */
import path from "node:path";
import type { ts } from "ts-morph";
import { matchFiles, type FileSystemEntries } from "./match-files.js";

/**
 * A `readDirectory` for reading a tsconfig that finds only `entries` (absolute); undefined when
 * this TypeScript has no matcher to lend (then which entries a tsconfig takes in is not known).
 */
export function entriesOnlyReadDirectory(
  entries: readonly string[],
  useCaseSensitiveFileNames: boolean,
): ts.ParseConfigHost["readDirectory"] | undefined {
  const match = matchFiles;
  if (match === undefined) return undefined;
  const files = entries.map(slashed);
  const entriesOf = (dir: string): FileSystemEntries => {
    const prefix = slashed(dir).replace(/\/?$/, "/");
    const names = new Set<string>();
    const directories = new Set<string>();
    for (const file of files) {
      if (!file.startsWith(prefix)) continue;
      const [first, ...rest] = file.slice(prefix.length).split("/");
      (rest.length === 0 ? names : directories).add(first!);
    }
    return { files: [...names], directories: [...directories] };
  };
  return (root, extensions, excludes, includes, depth) =>
    match(root, extensions, excludes, includes, useCaseSensitiveFileNames, root, depth, entriesOf, (p) => p);
}

/** TypeScript's form of a path: forward slashes. */
export function slashed(file: string): string {
  return path.resolve(file).split(path.sep).join("/");
}
