/**
 * Loads the user's program with the TypeScript ts-morph bundles, honouring their tsconfig.
 * Only the entry files and what they import are loaded (not the whole `include`), which keeps
 * cold runs close to the cost of type-checking those files.
 */
import path from "node:path";
import { readdirSync, statSync } from "node:fs";
import type { FileSystemHost, ts } from "ts-morph";
import { createCompilerHost, diskAccess, hostAccess, type CachingCompilerHost } from "./compiler-host.js";
import { readTsconfig } from "./tsconfig.js";
import { slashed } from "./tsconfig-coverage.js";
import { tsApi } from "./typescript.js";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";
import { describeFsError } from "../runtime/fs-error.js";
import { hasUnresolvedReference, RESOLUTION_CODES } from "./unresolved-names.js";
import { crdgenTypeNames } from "./known-types.js";

export interface LoadOptions {
  /** Entry files, absolute or relative to `cwd`. */
  entries: string[];
  cwd: string;
  /** A tsconfig.json path; by default the nearest one above the first entry. */
  tsconfig?: string | undefined;
  /** An in-memory file system (tests, editors); the real one by default. */
  fileSystem?: FileSystemHost | undefined;
}

export interface LoadedProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  entries: ts.SourceFile[];
  diagnostics: Diagnostic[];
  /** The host and root files the program was built from; a refresh reuses them. */
  host: CachingCompilerHost;
  rootNames: string[];
  /** The tsconfig and the files it extends (absolute); a change to one needs a fresh load. */
  configFiles: readonly string[];
}

/** Options crdgen needs whatever the user's tsconfig says: null must be visible to read `T | null`. */
const FORCED: ts.CompilerOptions = { strictNullChecks: true, noEmit: true };

const DEFAULTS: ts.CompilerOptions = {
  target: tsApi.ScriptTarget.ES2022,
  module: tsApi.ModuleKind.NodeNext,
  moduleResolution: tsApi.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
};

export function loadProgram(options: LoadOptions): LoadedProgram {
  const diagnostics: Diagnostic[] = [];
  const fsHost = options.fileSystem;
  const files = fsHost ? hostAccess(fsHost) : diskAccess();
  const { files: entries, unreadableFolders } = listEntries(options.entries, options.cwd, fsHost);
  for (const [folder, why] of unreadableFolders) {
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `cannot read ${folder}: ${why}`,
    });
  }

  const missing = entries.filter((e) => !files.fileExists(e));
  for (const file of missing) {
    diagnostics.push({ severity: "error", code: codes.fileNotFound, message: `File not found: ${file}` });
  }
  for (const file of entries) {
    if (missing.includes(file) || TYPESCRIPT_FILE.test(file)) continue;
    missing.push(file);
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `${file} is not a TypeScript file.`,
      hint: "give the .ts files (or folders) that declare the @crd types",
    });
  }

  let tsconfig = options.tsconfig ? path.resolve(options.cwd, options.tsconfig) : undefined;
  // As with `tsc -p`, a folder stands for the tsconfig.json in it.
  if (tsconfig && isDirectory(tsconfig, fsHost)) tsconfig = path.join(tsconfig, "tsconfig.json");
  if (tsconfig && !files.fileExists(tsconfig)) {
    diagnostics.push({ severity: "error", code: codes.tsconfig, message: `tsconfig not found: ${tsconfig}` });
    tsconfig = undefined;
  }
  if (!options.tsconfig && entries[0]) tsconfig = findTsconfig(path.dirname(entries[0]), files.fileExists);

  let compilerOptions = DEFAULTS;
  let configFiles: readonly string[] = [];
  const rootNames = entries.filter((e) => !missing.includes(e));
  if (tsconfig) {
    const config = readTsconfig(tsconfig, files, rootNames);
    for (const d of config.errors) diagnostics.push(fromTs(d, codes.tsconfig));
    const outside = config.takesIn && rootNames.filter((e) => !config.takesIn!.has(slashed(e)));
    if (outside && outside.length > 0) diagnostics.push(notTakenIn(tsconfig, outside, options.cwd));
    compilerOptions = config.options;
    configFiles = config.files;
  }
  const host = createCompilerHost(files, options.cwd);
  const program = tsApi.createProgram({ rootNames, options: { ...compilerOptions, ...FORCED }, host });
  return withChecks(program, host, rootNames, configFiles, diagnostics);
}

/**
 * Entries a tsconfig's `files`/`include` leave out: `tsc -p` would not check them, and a build
 * with that tsconfig would not see them, which is worth knowing; crdgen still compiles them
 * with its compiler options, as the nearest (or given) tsconfig.
 */
function notTakenIn(tsconfig: string, entries: readonly string[], cwd: string): Diagnostic {
  const shown = (f: string) => {
    const rel = path.relative(cwd, f);
    return rel.startsWith("..") || path.isAbsolute(rel) ? f : rel;
  };
  const names =
    entries.length > 3
      ? `${entries.slice(0, 3).map(shown).join(", ")} and ${entries.length - 3} more`
      : entries.map(shown).join(", ");
  const [them, are] = entries.length === 1 ? ["it", "is"] : ["them", "are"];
  return {
    severity: "warning",
    code: codes.tsconfig,
    message: `${names} ${are} not in the files or include of ${shown(tsconfig)}, so tsc -p would not check ${them}; crdgen compiles ${them} with its compiler options anyway.`,
    hint: "add the entries to its include, or give the tsconfig that includes them with --tsconfig",
  };
}

/**
 * Re-reads changed files and rebuilds the program. TypeScript reuses every unchanged
 * source file of the old program, so this costs about one file's parse plus the checks
 * the next run asks for.
 */
export function refreshProgram(loaded: LoadedProgram, changed: readonly string[]): LoadedProgram {
  loaded.host.forget(changed);
  // TypeScript keeps an unchanged file's module resolutions, failed ones too: when a file
  // appears, every import is resolved again, so that one naming it finds it.
  const appeared = changed.some((f) => !loaded.program.getSourceFile(f));
  const program = tsApi.createProgram({
    rootNames: loaded.rootNames,
    options: loaded.program.getCompilerOptions(),
    host: appeared ? { ...loaded.host, hasInvalidatedResolutions: () => true } : loaded.host,
    oldProgram: loaded.program,
  });
  return withChecks(program, loaded.host, loaded.rootNames, loaded.configFiles, []);
}

function withChecks(
  program: ts.Program,
  host: CachingCompilerHost,
  rootNames: string[],
  configFiles: readonly string[],
  diagnostics: Diagnostic[],
): LoadedProgram {
  const checker = program.getTypeChecker();
  // A file that is there but cannot be read (no permission) would be left out in silence.
  for (const [file, why] of host.takeReadFailures()) {
    diagnostics.push({ severity: "error", code: codes.fileNotFound, message: `cannot read ${file}: ${why}` });
  }
  const entries = rootNames
    .map((e) => program.getSourceFile(e))
    .filter((f): f is ts.SourceFile => f !== undefined);
  // Syntax errors make every later answer unreliable: report them all up front.
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile && program.isSourceFileFromExternalLibrary(sf)) continue;
    for (const d of program.getSyntacticDiagnostics(sf)) diagnostics.push(fromTs(d, codes.tsSyntax));
    for (const dash of host.hangingComments(sf)) {
      diagnostics.push({
        severity: "error",
        code: codes.tsSyntax,
        message:
          "This doc comment ends in a dash right before */ and mentions @see or @link: TypeScript's parser never returns on it (tsc --noEmit hangs too).",
        location: locationOf(sf, dash),
        hint: "put a space between the dash and */",
      });
    }
  }
  return { program, checker, entries, diagnostics, host, rootNames, configFiles };
}

/** Type errors in the user's own files, reported like tsc does. */
export function semanticDiagnostics(loaded: LoadedProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sf of loaded.program.getSourceFiles()) {
    if (!sf.isDeclarationFile) out.push(...checkFile(loaded, sf));
  }
  return out;
}

/**
 * What `--no-type-check` still reports in the user's files: names and modules TypeScript cannot
 * find, which would otherwise read as `any` (see unresolved-names.ts).
 */
export function resolutionDiagnostics(loaded: LoadedProgram): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sf of loaded.program.getSourceFiles()) {
    if (!sf.isDeclarationFile) out.push(...checkFileResolution(loaded, sf));
  }
  return out;
}

/** Names and modules TypeScript cannot find in one file; the file is type-checked only when it has one. */
export function checkFileResolution(loaded: LoadedProgram, sf: ts.SourceFile): Diagnostic[] {
  if (!hasUnresolvedReference(sf, loaded.checker)) return [];
  return loaded.program
    .getSemanticDiagnostics(sf)
    .filter((d) => RESOLUTION_CODES.has(d.code))
    .map((d) => fromTs(d, codes.tsSyntax));
}

/** Type errors in one file. */
export function checkFile(loaded: LoadedProgram, sf: ts.SourceFile): Diagnostic[] {
  return loaded.program.getSemanticDiagnostics(sf).map((d) => fromTs(d, codes.tsSyntax));
}

const TYPESCRIPT_FILE = /\.(m|c)?tsx?$/;
const DECLARATION_FILE = /\.d\.(m|c)?ts$/;

/** Whether `p` is a folder, on the disk or in `fsHost`. */
export function isDirectory(p: string, fsHost?: FileSystemHost): boolean {
  if (fsHost) return fsHost.directoryExistsSync(p);
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files the entries stand for, absolute: a file for itself (whether it exists or not), a
 * folder for the TypeScript files under it. Each file once, where it first appears: the same
 * file given twice (or a folder and a file in it) is one entry, not two declaring the same CRDs.
 */
export function entryFiles(entries: readonly string[], cwd: string, fsHost?: FileSystemHost): string[] {
  return listEntries(entries, cwd, fsHost).files;
}

export interface EntryListing {
  files: string[];
  /** Folders (given, or under one given) that could not be listed, with why. */
  unreadableFolders: Map<string, string>;
}

export function listEntries(entries: readonly string[], cwd: string, fsHost?: FileSystemHost): EntryListing {
  const files = new Set<string>();
  const unreadableFolders = new Map<string, string>();
  for (const entry of entries) {
    const full = path.resolve(cwd, entry);
    if (!isDirectory(full, fsHost)) files.add(full);
    else for (const f of typeScriptFilesUnder(full, fsHost, unreadableFolders)) files.add(f);
  }
  return { files: [...files], unreadableFolders };
}

/** Whether a file under a folder given as input is one of its inputs (see typeScriptFilesUnder). */
export function isInputUnderFolder(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
  const parts = relative.split(path.sep);
  const name = parts.pop()!;
  return !parts.some(isSkippedFolderName) && TYPESCRIPT_FILE.test(name) && !DECLARATION_FILE.test(name);
}

/** Folders a folder entry does not look into: dependencies, and dot-folders (.git, editors' own). */
export function isSkippedFolderName(name: string): boolean {
  return name === "node_modules" || name.startsWith(".");
}

/** A folder given as input stands for its TypeScript files (not declarations, not node_modules), sorted. */
function typeScriptFilesUnder(
  dir: string,
  fsHost: FileSystemHost | undefined,
  unreadable: Map<string, string>,
): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names;
    try {
      names = fsHost
        ? fsHost.readDirSync(d).map((e) => ({ name: path.basename(e.name), dir: e.isDirectory }))
        : readdirSync(d, { withFileTypes: true }).map((e) => ({ name: e.name, dir: e.isDirectory() }));
    } catch (e) {
      unreadable.set(d, describeFsError(e));
      return;
    }
    for (const { name, dir: isDir } of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, name);
      if (isDir) {
        if (!isSkippedFolderName(name)) walk(full);
      } else if (TYPESCRIPT_FILE.test(name) && !DECLARATION_FILE.test(name)) {
        out.push(full);
      }
    }
  };
  walk(dir);
  return out;
}

function findTsconfig(dir: string, exists: (p: string) => boolean): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const candidate = path.join(d, "tsconfig.json");
    if (exists(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

function fromTs(d: ts.Diagnostic, code: string): Diagnostic {
  const message = tsApi.flattenDiagnosticMessageText(d.messageText, "\n");
  const text = `TS${d.code}: ${message}`;
  const hint = crdgenImportHint(d.code, message);
  if (d.file && d.start !== undefined) {
    return { severity: "error", code, message: text, location: locationOf(d.file, d.start), hint };
  }
  return { severity: "error", code, message: text, hint };
}

/** `Cannot find name 'int32'` (TS2304, or TS2552 with a did-you-mean): the import it needs. */
function crdgenImportHint(tsCode: number, message: string): string | undefined {
  if (tsCode !== 2304 && tsCode !== 2552) return undefined;
  const name = /^Cannot find name '([^']+)'/.exec(message)?.[1];
  return name !== undefined && crdgenTypeNames.has(name)
    ? `${name} is one of crdgen's types: add \`import type { ${name} } from "crdgen";\``
    : undefined;
}
