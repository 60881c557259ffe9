/**
 * The compiler host crdgen loads programs with: files from the disk (or from an in-memory
 * ts-morph FileSystemHost), TypeScript's lib files from ts-morph's bundle, and a cache of
 * parsed source files that watch mode keeps between programs.
 *
 * Why not a ts-morph Project: a Project parses every file with full JSDoc and parent pointers
 * through its language-service document registry, which made a cold run cost ~120 ms more than
 * `tsc` before crdgen did any work of its own. Here every file is parsed the way tsc parses it
 * (JSDoc only where it can cause a type error; crdgen parses the comments it reads when it reads
 * them, see jsdoc.ts), and the binder sets parent pointers as it does for tsc.
 */
import { matchFiles } from "./match-files.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FileSystemHost, ts } from "ts-morph";
import { describeFsError } from "../runtime/fs-error.js";
import { canReadDocsLazily } from "./jsdoc.js";
import { hangingDocCommentDashes, withoutHangingDashes } from "./parser-hang.js";
import { libFiles } from "./lib-files.js";
import { tsApi } from "./typescript.js";
import { firstUndecodable, type Undecodable } from "./undecodable.js";

/** What loading needs of a file system. */
export interface FileAccess {
  readFile(file: string): string | undefined;
  /** The file's bytes, where there are any (an in-memory file system holds text). */
  readBytes(file: string): Uint8Array | undefined;
  /** Why `readFile` gave nothing for a file: "no such file or directory", "permission denied"... */
  readError(file: string): string;
  fileExists(file: string): boolean;
  directoryExists(dir: string): boolean;
  getDirectories(dir: string): string[];
  realpath(file: string): string;
  /** The files under `root` that a tsconfig's `include`/`exclude` patterns match, as `ts.sys.readDirectory`. */
  readDirectory(
    root: string,
    extensions: readonly string[] | undefined,
    excludes: readonly string[] | undefined,
    includes: readonly string[] | undefined,
    depth: number | undefined,
  ): string[];
  useCaseSensitiveFileNames: boolean;
}

export function diskAccess(): FileAccess {
  const sys = tsApi.sys;
  return {
    readFile: (f) => sys.readFile(f),
    readBytes: (f) => {
      try {
        return readFileSync(f);
      } catch {
        return undefined;
      }
    },
    readError: (f) => {
      try {
        readFileSync(f);
        return "unreadable";
      } catch (e) {
        return describeFsError(e);
      }
    },
    fileExists: (f) => sys.fileExists(f),
    directoryExists: (d) => sys.directoryExists(d),
    getDirectories: (d) => sys.getDirectories(d),
    realpath: (f) => sys.realpath?.(f) ?? f,
    readDirectory: (root, extensions, excludes, includes, depth) =>
      sys.readDirectory(root, extensions, excludes, includes, depth),
    useCaseSensitiveFileNames: sys.useCaseSensitiveFileNames,
  };
}

/** A ts-morph FileSystemHost (tests and editors pass an in-memory one) as FileAccess. */
export function hostAccess(host: FileSystemHost): FileAccess {
  return {
    readFile: (f) => {
      try {
        return host.readFileSync(f, "utf-8");
      } catch {
        return undefined;
      }
    },
    readBytes: () => undefined,
    readError: (f) => {
      try {
        host.readFileSync(f, "utf-8");
        return "unreadable";
      } catch (e) {
        return describeFsError(e);
      }
    },
    fileExists: (f) => host.fileExistsSync(f),
    directoryExists: (d) => host.directoryExistsSync(d),
    getDirectories: (d) =>
      host
        .readDirSync(d)
        .filter((e) => e.isDirectory)
        .map((e) => path.basename(e.name)),
    realpath: (f) => host.realpathSync(f),
    readDirectory: (root, extensions, excludes, includes, depth) => {
      // TypeScript's pattern matcher is internal (ts.sys.readDirectory is it on the disk): without
      // it, nothing is listed, and only the entries and their imports are loaded.
      if (typeof matchFiles !== "function") return [];
      const entries = (dir: string) => {
        let listed: ReturnType<FileSystemHost["readDirSync"]> = [];
        try {
          listed = host.readDirSync(dir);
        } catch {
          // As ts.sys.readDirectory does: a folder that cannot be listed holds nothing.
        }
        return {
          files: listed.filter((e) => e.isFile).map((e) => path.basename(e.name)),
          directories: listed.filter((e) => e.isDirectory).map((e) => path.basename(e.name)),
        };
      };
      const caseSensitive = host.isCaseSensitive();
      return matchFiles(root, extensions, excludes, includes, caseSensitive, root, depth, entries, (p) => p);
    },
    useCaseSensitiveFileNames: host.isCaseSensitive(),
  };
}

/**
 * Where the lib files appear to live. Nothing is on the disk there: the host answers for the
 * folder from ts-morph's bundle, and a real file at that path would be ignored.
 */
export const LIB_FOLDER = path.resolve("/node_modules/typescript/lib");

function libText(file: string): string | undefined {
  return path.dirname(file) === LIB_FOLDER ? libFiles().text(path.basename(file)) : undefined;
}

export interface CachingCompilerHost extends ts.CompilerHost {
  /** Forgets parsed files, so the next program reads them again from the file system. */
  forget(files: Iterable<string>): void;
  /** Where `file` has doc comments TypeScript's parser never returns on (see parser-hang.ts). */
  hangingComments(file: ts.SourceFile): readonly number[];
  /**
   * The files the compiler asked for since the last call that could not be read, with why. A file
   * that is there but unreadable (no permission) is otherwise left out of the program in silence.
   */
  takeReadFailures(): Map<string, string>;
  /** Where a file that is not UTF-8 has its first byte TypeScript read as U+FFFD (see undecodable.ts). */
  undecodable(file: ts.SourceFile): Undecodable | undefined;
}

export function createCompilerHost(files: FileAccess, cwd: string): CachingCompilerHost {
  const parsed = new Map<string, ts.SourceFile>();
  const hanging = new WeakMap<ts.SourceFile, number[]>();
  let readFailures = new Map<string, string>();
  const undecodable = new WeakMap<ts.SourceFile, Undecodable | undefined>();
  const canonical = (f: string) => (files.useCaseSensitiveFileNames ? f : f.toLowerCase());
  const readFile = (f: string) => libText(path.resolve(f)) ?? files.readFile(f);
  return {
    getSourceFile(fileName, languageVersionOrOptions, onError) {
      const key = canonical(path.resolve(fileName));
      const known = parsed.get(key);
      if (known) return known;
      const text = readFile(fileName);
      if (text === undefined) {
        const why = files.readError(fileName);
        // A file deleted since it was resolved is TypeScript's to report ("Cannot find module").
        if (files.fileExists(fileName)) readFailures.set(path.resolve(fileName), why);
        onError?.(why);
        return undefined;
      }
      const isLib = path.dirname(path.resolve(fileName)) === LIB_FOLDER;
      const settings: ts.CreateSourceFileOptions =
        typeof languageVersionOrOptions === "object"
          ? { ...languageVersionOrOptions }
          : { languageVersion: languageVersionOrOptions };
      settings.jsDocParsingMode =
        isLib || canReadDocsLazily
          ? tsApi.JSDocParsingMode.ParseForTypeErrors
          : tsApi.JSDocParsingMode.ParseAll;
      const dashes = isLib ? [] : hangingDocCommentDashes(text);
      const sourceFile = tsApi.createSourceFile(
        fileName,
        dashes.length > 0 ? withoutHangingDashes(text, dashes) : text,
        settings,
      );
      if (dashes.length > 0) hanging.set(sourceFile, dashes);
      parsed.set(key, sourceFile);
      return sourceFile;
    },
    forget(changed) {
      for (const f of changed) parsed.delete(canonical(path.resolve(f)));
    },
    hangingComments: (sourceFile) => hanging.get(sourceFile) ?? [],
    undecodable(sourceFile) {
      // Most files have no U+FFFD at all: only those are read again, once, as bytes.
      if (path.dirname(path.resolve(sourceFile.fileName)) === LIB_FOLDER) return undefined;
      if (!sourceFile.text.includes("\ufffd")) return undefined;
      if (undecodable.has(sourceFile)) return undecodable.get(sourceFile);
      const bytes = files.readBytes(sourceFile.fileName);
      const found = bytes && firstUndecodable(bytes, sourceFile.text);
      undecodable.set(sourceFile, found);
      return found;
    },
    takeReadFailures() {
      const taken = readFailures;
      readFailures = new Map();
      return taken;
    },
    getDefaultLibFileName: (o) => path.join(LIB_FOLDER, tsApi.getDefaultLibFileName(o)),
    getDefaultLibLocation: () => LIB_FOLDER,
    writeFile: () => undefined,
    getCurrentDirectory: () => cwd,
    getCanonicalFileName: canonical,
    useCaseSensitiveFileNames: () => files.useCaseSensitiveFileNames,
    getNewLine: () => "\n",
    fileExists: (f) => libText(path.resolve(f)) !== undefined || files.fileExists(f),
    readFile,
    directoryExists: (d) => path.resolve(d) === LIB_FOLDER || files.directoryExists(d),
    getDirectories: (d) => files.getDirectories(d),
    realpath: (f) => (libText(path.resolve(f)) !== undefined ? f : files.realpath(f)),
  };
}
