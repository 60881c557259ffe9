/**
 * Loads the user's program with the TypeScript ts-morph bundles, honouring their tsconfig.
 * Only the entry files and what they import are loaded (not the whole `include`), which keeps
 * cold runs close to the cost of type-checking those files.
 */
import path from "node:path";
import { readdirSync, realpathSync, statSync } from "node:fs";
import type { FileSystemHost, ts } from "ts-morph";
import {
  createCompilerHost,
  diskAccess,
  hostAccess,
  type CachingCompilerHost,
  type FileAccess,
} from "./compiler-host.js";
import { readTsconfig } from "./tsconfig.js";
import { slashed } from "./tsconfig-coverage.js";
import { shellWord } from "../diagnostics/shell-word.js";
import { earlyCommentEndHint } from "./early-comment-end.js";
import { tsApi } from "./typescript.js";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { locationOf } from "./location.js";
import { describeFsError } from "../runtime/fs-error.js";
import { hasUnresolvedReference, RESOLUTION_CODES } from "./unresolved-names.js";
import { typeNameHint } from "./type-name-hints.js";
import { notUtf8 } from "./undecodable.js";

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
  /** The entry files, then the declaration files the tsconfig takes in (see includedDeclarations). */
  rootNames: string[];
  /** The entry files (absolute): where roots are looked for. */
  entryNames: string[];
  /** The tsconfig and the files it extends (absolute); a change to one needs a fresh load. */
  configFiles: readonly string[];
  /**
   * The user's own compiler options, when they turn strictNullChecks off (`strict: false`): the
   * program is read with it on, and type errors are those the user's tsc reports (see checkFile).
   */
  checkOptions?: ts.CompilerOptions | undefined;
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
  const {
    files: entries,
    unreadableFolders,
    emptyFolders,
  } = listEntries(options.entries, options.cwd, fsHost);
  for (const [folder, why] of unreadableFolders) {
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `cannot read ${shownFrom(options.cwd, folder)}: ${why}`,
    });
  }
  for (const folder of emptyFolders) diagnostics.push(noFilesIn(folder, options.cwd));
  if (options.entries.length === 0) {
    // The command line refuses this before; an API caller gets it as a diagnostic, not "none of  exports".
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: "No input files: entries is empty.",
      hint: "give the .ts files (or folders) that declare the @crd types",
    });
  }

  const missing = entries.filter((e) => !files.fileExists(e));
  for (const file of missing) {
    const special = fsHost ? undefined : specialFileKind(file);
    if (special) {
      diagnostics.push({
        severity: "error",
        code: codes.fileNotFound,
        message: `${shownFrom(options.cwd, file)} is ${special}, not a file.`,
        hint: "give the .ts files (or folders) that declare the @crd types: crdgen reads them from the disk, as tsc does",
      });
      continue;
    }
    const hint = missingEntryHint(file, options.cwd, files.fileExists);
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `File not found: ${shownFrom(options.cwd, file)}`,
      ...(hint ? { hint } : {}),
    });
  }
  for (const file of entries) {
    if (missing.includes(file) || TYPESCRIPT_FILE.test(file)) continue;
    missing.push(file);
    const shown = shownFrom(options.cwd, file);
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `${shown} is not a TypeScript file.`,
      hint: notTypeScriptHint(shown),
    });
  }

  let tsconfig = options.tsconfig ? path.resolve(options.cwd, options.tsconfig) : undefined;
  // As with `tsc -p`, a folder stands for the tsconfig.json in it.
  if (tsconfig && isDirectory(tsconfig, fsHost)) tsconfig = path.join(tsconfig, "tsconfig.json");
  if (tsconfig && TYPESCRIPT_FILE.test(tsconfig)) {
    // Read as JSON, a .ts file is a screenful of syntax errors that never say what is wrong.
    diagnostics.push({
      severity: "error",
      code: codes.tsconfig,
      message: `${shownFrom(options.cwd, tsconfig)} is a TypeScript file, not a tsconfig.`,
      hint: "give --tsconfig (-p) a tsconfig.json or the folder holding one, and the .ts files as inputs",
    });
    tsconfig = undefined;
  } else if (tsconfig && !files.fileExists(tsconfig)) {
    const shown = shownFrom(options.cwd, tsconfig);
    diagnostics.push({ severity: "error", code: codes.tsconfig, message: `tsconfig not found: ${shown}` });
    tsconfig = undefined;
  }
  if (!options.tsconfig && entries[0]) tsconfig = findTsconfig(path.dirname(entries[0]), files.fileExists);

  let compilerOptions = DEFAULTS;
  let configFiles: readonly string[] = [];
  const entryNames = entries.filter((e) => !missing.includes(e));
  let declarations: string[] = [];
  if (tsconfig) {
    const config = readTsconfig(tsconfig, files, entryNames);
    for (const d of config.errors) diagnostics.push(fromTs(d, codes.tsconfig));
    const listing = hasErrors(config.errors) ? undefined : listTsconfig(tsconfig, files);
    const outside = config.takesIn && entryNames.filter((e) => !config.takesIn!.has(slashed(e)));
    if (outside && outside.length > 0) {
      const elsewhere = tsconfigsTakingIn(outside, tsconfig, listing?.references ?? [], files);
      diagnostics.push(notTakenIn(tsconfig, outside, entryNames, elsewhere, options.cwd));
    }
    const given = new Set(entryNames);
    declarations = listing?.declarations.filter((f) => !given.has(f)) ?? [];
    compilerOptions = config.options;
    configFiles = config.files;
  }
  const host = createCompilerHost(files, options.cwd);
  const rootNames = [...entryNames, ...declarations];
  const program = tsApi.createProgram({ rootNames, options: { ...compilerOptions, ...FORCED }, host });
  const loaded = withChecks(program, host, rootNames, entryNames, configFiles, diagnostics);
  if (!checksNulls(compilerOptions)) loaded.checkOptions = { ...compilerOptions, noEmit: true };
  return loaded;
}

const hasErrors = (errors: readonly ts.Diagnostic[]) =>
  errors.some((e) => e.category === tsApi.DiagnosticCategory.Error);

interface TsconfigListing {
  /**
   * The declaration files its `files`/`include` take in (absolute). tsc loads them whether or not
   * a file imports them: a `global.d.ts`, a `declare module "untyped-lib"`, or a module
   * augmentation, whose added members an augmented interface would otherwise lack in silence.
   */
  declarations: string[];
  /** The tsconfigs its `references` name (absolute). */
  references: string[];
}

/**
 * What crdgen takes of a tsconfig beyond its options. Its `include` folders are listed (as tsc
 * lists them) but of their TypeScript files only the declaration files are loaded: the others
 * are loaded when an entry imports them.
 */
function listTsconfig(tsconfig: string, files: FileAccess): TsconfigListing {
  const source = tsApi.readJsonConfigFile(tsconfig, (f) => files.readFile(f));
  const parsed = tsApi.parseJsonSourceFileConfigFileContent(
    source,
    {
      useCaseSensitiveFileNames: files.useCaseSensitiveFileNames,
      // All of TypeScript's extensions are listed, not only .d.ts: tsc leaves out `a.d.ts` beside `a.ts`.
      readDirectory: (root, extensions, excludes, includes, depth) =>
        files.readDirectory(root, extensions, excludes, includes, depth),
      fileExists: (f) => files.fileExists(f),
      readFile: (f) => files.readFile(f),
    },
    path.dirname(tsconfig),
    undefined,
    tsconfig,
  );
  return {
    declarations: parsed.fileNames.filter((f) => DECLARATION_FILE.test(f)).map((f) => path.resolve(f)),
    references: (parsed.projectReferences ?? []).map((r) =>
      path.resolve(tsApi.resolveProjectReferencePath(r)),
    ),
  };
}

/**
 * For entries `tsconfig` leaves out, the tsconfig that takes each in, if any: one of its
 * `references` (a solution-style tsconfig), else the nearest tsconfig above the entry.
 */
function tsconfigsTakingIn(
  entries: readonly string[],
  tsconfig: string,
  references: readonly string[],
  files: FileAccess,
): Map<string, string> {
  const takenIn = new Map<string, string>();
  const takes = (candidate: string, entry: string) =>
    files.fileExists(candidate) &&
    readTsconfig(candidate, files, [entry]).takesIn?.has(slashed(entry)) === true;
  for (const entry of entries) {
    const nearest = findTsconfig(path.dirname(entry), files.fileExists);
    const candidates = [...references, ...(nearest && nearest !== tsconfig ? [nearest] : [])];
    const found = candidates.find((c) => takes(c, entry));
    if (found) takenIn.set(entry, found);
  }
  return takenIn;
}

/**
 * Entries a tsconfig's `files`/`include` leave out: `tsc -p` would not check them, and a build
 * with that tsconfig would not see them, which is worth knowing; crdgen still compiles them
 * with its compiler options, as the nearest (or given) tsconfig. `elsewhere` holds the tsconfig
 * that does take an entry in, when one was found.
 */
function notTakenIn(
  tsconfig: string,
  outside: readonly string[],
  entries: readonly string[],
  elsewhere: ReadonlyMap<string, string>,
  cwd: string,
): Diagnostic {
  const shown = (f: string) => shownFrom(cwd, f);
  const names =
    outside.length > 3
      ? `${outside.slice(0, 3).map(shown).join(", ")} and ${outside.length - 3} more`
      : outside.map(shown).join(", ");
  const [them, are] = outside.length === 1 ? ["it", "is"] : ["them", "are"];
  return {
    severity: "warning",
    code: codes.tsconfig,
    message: `${names} ${are} not in the files or include of ${shown(tsconfig)}, so tsc -p would not check ${them}; crdgen compiles ${them} with its compiler options anyway.`,
    hint: elsewhereHint(outside, entries, elsewhere, shown, them),
  };
}

/** What to do about entries a tsconfig leaves out, given the tsconfigs that take them in. */
function elsewhereHint(
  outside: readonly string[],
  entries: readonly string[],
  elsewhere: ReadonlyMap<string, string>,
  shown: (file: string) => string,
  them: string,
): string {
  const owners = new Set(outside.map((e) => elsewhere.get(e)));
  const [owner] = owners;
  if (owners.size !== 1 || owner === undefined)
    return "add the entries to its include, or give the tsconfig that includes them with --tsconfig";
  // One tsconfig takes in every entry (a project of a solution-style tsconfig): that is the one to give.
  if (outside.length === entries.length) return `give --tsconfig ${shown(owner)}, which includes ${them}`;
  // The entries of one run share one tsconfig: entries of several packages need a run each.
  const first = outside[0]!;
  return `${shown(first)} has a tsconfig of its own, ${shown(owner)}, that this run does not use: one run compiles all its entries with one tsconfig (the first entry's, or --tsconfig). Run crdgen once per tsconfig, each with an --out-dir of its own (a run removes the CRD files in its folder that it does not make)`;
}

/** A path as messages show it: from `cwd` when under it, else absolute. */
function shownFrom(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel || ".";
}

/**
 * What to do with an input that is not TypeScript: a CRD (YAML or JSON, as a user who has them
 * may give them to the generator) is validated by `crdgen check`; a tsconfig goes after -p.
 */
function notTypeScriptHint(shown: string): string {
  const give = "give the .ts files (or folders) that declare the @crd types";
  const check = `to validate CRDs, run \`crdgen check ${shellWord(shown)}\``;
  if (/\.ya?ml$/i.test(shown)) return `${check}; to generate them, ${give}`;
  if (/(^|[\\/])tsconfig[^\\/]*\.json$/i.test(shown)) return `a tsconfig goes after -p (--tsconfig); ${give}`;
  if (/\.json$/i.test(shown)) return `${check}; a tsconfig goes after -p (--tsconfig); ${give}`;
  return give;
}

/** A folder given as input that holds no file to read, which would otherwise read as "No CRD found". */
function noFilesIn(folder: string, cwd: string): Diagnostic {
  return {
    severity: "warning",
    code: codes.fileNotFound,
    message: `${shownFrom(cwd, folder)} holds no TypeScript file to read.`,
    hint: "a folder stands for the .ts, .tsx, .mts and .cts files under it, not its declaration files (.d.ts), node_modules or dot-folders: name a declaration file to read it",
  };
}

/**
 * Why an entry may not be found: crdgen expands no globs (the shell does, unless the pattern is
 * quoted, and cmd.exe never does), and an entry is the .ts file, not the .js an import names.
 */
function missingEntryHint(file: string, cwd: string, exists: (f: string) => boolean): string | undefined {
  const shown = shownFrom(cwd, file);
  const parts = shown.split(/[\\/]/);
  const wild = parts.findIndex((part) => /[*?[\]{}]/.test(part));
  if (wild >= 0) {
    const folder = parts.slice(0, wild).join(path.sep) || ".";
    return `crdgen expands no globs (a quoted one reaches it as written): give the files, or a folder (${folder}), which stands for the TypeScript files under it`;
  }
  const source = file.replace(/\.(m|c)?js(x)?$/, (_, m: string | undefined, x: string | undefined) =>
    x ? ".tsx" : `.${m ?? ""}ts`,
  );
  if (source !== file && exists(source)) return `give the TypeScript file, ${shownFrom(cwd, source)}`;
  return undefined;
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
  const refreshed = withChecks(
    program,
    loaded.host,
    loaded.rootNames,
    loaded.entryNames,
    loaded.configFiles,
    [],
  );
  if (loaded.checkOptions) refreshed.checkOptions = loaded.checkOptions;
  return refreshed;
}

function withChecks(
  program: ts.Program,
  host: CachingCompilerHost,
  rootNames: string[],
  entryNames: string[],
  configFiles: readonly string[],
  diagnostics: Diagnostic[],
): LoadedProgram {
  const checker = program.getTypeChecker();
  // A file that is there but cannot be read (no permission) would be left out in silence.
  for (const [file, why] of host.takeReadFailures()) {
    const shown = shownFrom(host.getCurrentDirectory(), file);
    diagnostics.push({
      severity: "error",
      code: codes.fileNotFound,
      message: `cannot read ${shown}: ${why}`,
    });
  }
  const entries = entryNames
    .map((e) => program.getSourceFile(e))
    .filter((f): f is ts.SourceFile => f !== undefined);
  // Syntax errors make every later answer unreliable: report them all up front.
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile && program.isSourceFileFromExternalLibrary(sf)) continue;
    const undecodable = host.undecodable(sf);
    if (undecodable) diagnostics.push(notUtf8(sf, undecodable));
    const syntax = program.getSyntacticDiagnostics(sf);
    for (const d of syntax) diagnostics.push(fromTs(d, codes.tsSyntax));
    // The first error is where a doc comment ended too early, if one did; the rest follow from it.
    const first = syntax[0]?.start;
    const early = first === undefined ? undefined : earlyCommentEndHint(sf, first);
    if (early) diagnostics[diagnostics.length - syntax.length]!.hint = early;
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
  return { program, checker, entries, diagnostics, host, rootNames, entryNames, configFiles };
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

/**
 * Type errors in one file, as the user's tsc finds them: with the user's own options when they
 * differ from those the program is read with (strictNullChecks off, where
 * `const fallback: string = null` is no error).
 */
export function checkFile(loaded: LoadedProgram, sf: ts.SourceFile): Diagnostic[] {
  const program = loaded.checkOptions ? checkingProgram(loaded, loaded.checkOptions) : loaded.program;
  const own = program.getSourceFile(sf.fileName) ?? sf;
  return program.getSemanticDiagnostics(own).map((d) => fromTs(d, codes.tsSyntax));
}

/** Whether options check nulls: TypeScript 6's `strict` (on unless set false) decides an unset strictNullChecks. */
function checksNulls(options: ts.CompilerOptions): boolean {
  return options.strictNullChecks ?? options.strict !== false;
}

/** The program with the user's own options, built once per loaded program when first asked. */
const checkingPrograms = new WeakMap<LoadedProgram, ts.Program>();

function checkingProgram(loaded: LoadedProgram, options: ts.CompilerOptions): ts.Program {
  let program = checkingPrograms.get(loaded);
  if (!program) {
    // The options differ in none that shapes the files: TypeScript reuses every parsed and bound one.
    program = tsApi.createProgram({
      rootNames: loaded.rootNames,
      options,
      host: loaded.host,
      oldProgram: loaded.program,
    });
    checkingPrograms.set(loaded, program);
  }
  return program;
}

const TYPESCRIPT_FILE = /\.(m|c)?tsx?$/;
const DECLARATION_FILE = /\.d\.(m|c)?ts$/;

/**
 * What a path that is there but neither a file nor a folder is (`/dev/null`, or the pipe a shell's
 * `<(...)` gives), which "File not found" would misname; undefined for anything else.
 */
function specialFileKind(p: string): string | undefined {
  let stats;
  try {
    stats = statSync(p);
  } catch {
    return undefined;
  }
  if (stats.isFIFO()) return "a pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return undefined;
}

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
 * file given twice (or a folder and a file in it, or a symbolic link and the file it names) is
 * one entry, not two declaring the same CRDs.
 */
export function entryFiles(entries: readonly string[], cwd: string, fsHost?: FileSystemHost): string[] {
  return listEntries(entries, cwd, fsHost).files;
}

export interface EntryListing {
  files: string[];
  /** Folders (given, or under one given) that could not be listed, with why. */
  unreadableFolders: Map<string, string>;
  /** Folders given that hold no TypeScript file to read (absolute). */
  emptyFolders: string[];
}

export function listEntries(entries: readonly string[], cwd: string, fsHost?: FileSystemHost): EntryListing {
  // By real path: TypeScript would load a link and its target as two files, each with the roots.
  const files = new Map<string, string>();
  const add = (file: string, real = realPath(file, fsHost)) => {
    if (!files.has(real)) files.set(real, file);
  };
  const unreadableFolders = new Map<string, string>();
  const emptyFolders: string[] = [];
  for (const entry of entries) {
    const full = path.resolve(cwd, entry);
    if (!isDirectory(full, fsHost)) {
      add(full);
      continue;
    }
    const unreadableBefore = unreadableFolders.size;
    const under = typeScriptFilesUnder(full, fsHost, unreadableFolders);
    // A folder that could not be listed is an error of its own.
    if (under.length === 0 && unreadableFolders.size === unreadableBefore) emptyFolders.push(full);
    for (const f of under) add(f.file, f.real);
  }
  return { files: [...files.values()], unreadableFolders, emptyFolders };
}

/** `p` with its symbolic links resolved; `p` itself when it does not exist. */
function realPath(p: string, fsHost?: FileSystemHost): string {
  try {
    return fsHost ? fsHost.realpathSync(p) : realpathSync.native(p);
  } catch {
    return p;
  }
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

/**
 * A folder given as input stands for its TypeScript files (not declarations, not node_modules),
 * sorted, each with its real path. A linked folder is followed, as tsc follows one its `include`
 * names, once (a link to a folder above it would be a loop).
 */
function typeScriptFilesUnder(
  dir: string,
  fsHost: FileSystemHost | undefined,
  unreadable: Map<string, string>,
): { file: string; real: string }[] {
  const out: { file: string; real: string }[] = [];
  const walked = new Set<string>();
  const walk = (d: string) => {
    const realFolder = realPath(d, fsHost);
    if (walked.has(realFolder)) return;
    walked.add(realFolder);
    let names;
    try {
      names = fsHost
        ? fsHost
            .readDirSync(d)
            .map((e) => ({ name: path.basename(e.name), dir: e.isDirectory, link: e.isSymlink }))
        : readdirSync(d, { withFileTypes: true }).map((e) => ({
            name: e.name,
            dir: e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(d, e.name))),
            link: e.isSymbolicLink(),
          }));
    } catch (e) {
      unreadable.set(d, describeFsError(e));
      return;
    }
    for (const { name, dir: isDir, link } of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, name);
      if (isDir) {
        if (!isSkippedFolderName(name)) walk(full);
      } else if (TYPESCRIPT_FILE.test(name) && !DECLARATION_FILE.test(name)) {
        // Only a link needs a call to the file system to know what it names.
        out.push({ file: full, real: link ? realPath(full, fsHost) : path.join(realFolder, name) });
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
  const hint = typeNameHint(d.code, message, d.file, d.start);
  if (d.file && d.start !== undefined) {
    return { severity: "error", code, message: text, location: locationOf(d.file, d.start, d.length), hint };
  }
  return { severity: "error", code, message: text, hint };
}
