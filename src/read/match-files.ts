/**
 * TypeScript's `matchFiles`: the matcher of `include`/`exclude` patterns behind
 * `ts.sys.readDirectory`. Internal (not declared), so it may be missing from a TypeScript build:
 * callers fall back when it is undefined.
 */
import { tsApi } from "./typescript.js";

export interface FileSystemEntries {
  files: readonly string[];
  directories: readonly string[];
}

export type MatchFiles = (
  path: string,
  extensions: readonly string[] | undefined,
  excludes: readonly string[] | undefined,
  includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean,
  currentDirectory: string,
  depth: number | undefined,
  getFileSystemEntries: (path: string) => FileSystemEntries,
  realpath: (path: string) => string,
) => string[];

export const matchFiles: MatchFiles | undefined = (tsApi as unknown as { matchFiles?: MatchFiles })
  .matchFiles;
