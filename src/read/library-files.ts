/**
 * Which of a program's files are a library's, which the user does not edit. One rule for every
 * part of watch mode (the files watched, the importers followed), so that they never disagree.
 */
import type { ts } from "ts-morph";

/** A path inside an installed package. */
export const NODE_MODULES = /[\\/]node_modules[\\/]/;

/**
 * The standard library's declarations or a file under node_modules. Not TypeScript's "external
 * library": that includes a sibling workspace package's files (sources, or a `dist/*.d.ts` that
 * `tsc -b -w` rebuilds), reached through its link in node_modules but read from its real path,
 * where they change as the user's own do.
 */
export function isLibraryFile(program: ts.Program, sf: ts.SourceFile): boolean {
  return program.isSourceFileDefaultLibrary(sf) || NODE_MODULES.test(sf.fileName);
}
