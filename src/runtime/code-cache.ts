/**
 * CommonJS modules compiled with a V8 code cache. TypeScript is 9 MB of JavaScript: parsing and
 * compiling it costs every crdgen run ~100 ms, about what a 100-type program costs to check.
 * `tsc` avoids that on Node 22+ with `module.enableCompileCache()`; Node 20 has no such switch,
 * so crdgen keeps its own cache: a run that found none (or one V8 rejected) saves the compiled
 * code when the process exits, so the functions the run compiled lazily are in it, and later
 * runs start from it. An entry saved by a run that stopped early is partial, and the next run
 * that does its whole work replaces it (markRunComplete).
 *
 * The cache lives in `node_modules/.cache/crdgen` (the convention of babel, eslint and others),
 * or in the user's cache folder where that cannot be written (cacheDirNear). V8 checks each
 * entry against the source and its own version and flags, and an entry it rejects is rewritten.
 * Nothing here may fail a run: an unwritable cache only means no cache.
 * `NODE_DISABLE_COMPILE_CACHE=1` (Node's own switch) turns it off.
 */
import { createHash } from "node:crypto";
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire, Module } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { makeDirs } from "./make-dirs.js";

/**
 * Loads `file` as CommonJS, as `require` would, but compiled from (and into) the code cache in
 * `cacheDir`. The module is entered in `require.cache`, so a later `require` of the same file
 * (from ts-morph, say) gets it instead of loading a second copy.
 */
export function requireWithCodeCache(
  file: string,
  cacheDir: string | undefined,
  options: CodeCacheOptions = {},
): unknown {
  const {
    variant,
    atExit = (save: () => void) => void process.once("exit", save),
    runComplete = runMarkedComplete,
  } = options;
  const requireHere = createRequire(file);
  const cached = requireHere.cache[file];
  if (cached) return cached.exports;
  const module = new Module(file);
  module.filename = file;
  const entry =
    cacheDir !== undefined && !process.env.NODE_DISABLE_COMPILE_CACHE
      ? entryNames(cacheDir, file, variant)
      : undefined;
  const found = entry !== undefined ? readEntry(entry) : undefined;
  const { fn, script } = compile(file, found?.data);
  fn(module.exports, requireHere, module, file, path.dirname(file));
  module.loaded = true;
  requireHere.cache[file] = module;
  const taken = found !== undefined && !script.cachedDataRejected;
  if (entry !== undefined && !(taken && found.complete)) {
    atExit(() => {
      const complete = runComplete();
      // A partial entry V8 takes stays until a complete run replaces it.
      if (taken && !complete) return;
      // Other entries go, but a complete one a parallel run saved meanwhile.
      const target = complete ? entry.complete : entry.partial;
      save(script, target, entry.prefix, [target, entry.complete]);
    });
  }
  return module.exports;
}

export interface CodeCacheOptions {
  /**
   * Which use of the file the entry is for: each keeps an entry of its own. An entry holds the
   * functions its first run compiled, so one saved by a generation run left `crdgen check` to
   * compile its own lazily, ~100 ms of a corpus check (and the other way round, ~30 ms at 1,000 types).
   */
  variant?: string;
  /** When to save a new entry: at process exit (tests save on their own schedule). */
  atExit?: (save: () => void) => void;
  /** Whether the run did its whole work, asked when saving (markRunComplete, by default). */
  runComplete?: () => boolean;
}

const RUN_COMPLETE = Symbol.for("crdgen.code-cache.run-complete");

/**
 * Says that this process did its command's whole work (generated, checked, compared), so the
 * functions it compiled are those the next such run needs. A run that stopped early (a syntax
 * error, a missing file, `--help`) saves an entry only where there is none, marked partial, and
 * the next complete run replaces it: an entry saved after a syntax error lacked TypeScript's
 * checker and cost every later run at 1,000 types ~170 ms until crdgen was rebuilt. Kept on
 * `globalThis` because the bundle and the module that loads it each hold a copy of this module.
 */
export function markRunComplete(): void {
  (globalThis as Record<symbol, unknown>)[RUN_COMPLETE] = true;
}

function runMarkedComplete(): boolean {
  return (globalThis as Record<symbol, unknown>)[RUN_COMPLETE] === true;
}

type ModuleFunction = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => void;

function compile(file: string, cachedData: Buffer | undefined): { fn: ModuleFunction; script: vm.Script } {
  const script = new vm.Script(wrappedSource(file), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  return { fn: script.runInThisContext() as ModuleFunction, script };
}

/** Node's own CommonJS wrapper, so the module sees the usual five bindings. */
const WRAPPER_START = "(function (exports, require, module, __filename, __dirname) {";
const WRAPPER_END = "\n})";

/**
 * The file's text inside the wrapper, read into one buffer that already holds the wrapper and
 * decoded once. Joining the wrapper to TypeScript's 9 MB as strings made a rope V8 then copied
 * flat before compiling (~25 ms a run), and an `isAscii` check to pick Latin-1 over UTF-8 cost
 * ~11 ms more: Node decodes pure ASCII as UTF-8 no slower than as Latin-1.
 */
function wrappedSource(file: string): string {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const start = WRAPPER_START.length;
    const bytes = Buffer.allocUnsafeSlow(start + size + WRAPPER_END.length);
    bytes.write(WRAPPER_START, 0, "latin1");
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, start + read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const end = start + read + bytes.write(WRAPPER_END, start + read, "latin1");
    return bytes.toString("utf8", 0, end);
  } finally {
    closeSync(fd);
  }
}

interface EntryNames {
  /** What every entry of the file (this path, Node version and variant) starts with. */
  prefix: string;
  /** The entry a complete run saves, for this version of the file. */
  complete: string;
  /** The entry a run that stopped early saves where there was none. */
  partial: string;
}

/**
 * One entry per file version, Node version and variant (V8 rejects data made by another, and two
 * installs that alternate would keep overwriting each other's entry). Node options such as
 * `--cpu-prof` are left out: V8 takes the same entry under them, so a profile shows a usual run.
 */
function entryNames(cacheDir: string, file: string, variant: string | undefined): EntryNames {
  const stat = statSync(file);
  const prefix = cachePrefix(file, variant);
  // "complete": entries saved before partial ones were told apart may be partial; made anew once.
  const version = hash(`${stat.size}\0${stat.mtimeMs}\0complete`);
  return {
    prefix,
    complete: path.join(cacheDir, `${prefix}${version}.v8cache`),
    partial: path.join(cacheDir, `${prefix}${version}.partial.v8cache`),
  };
}

/** The complete entry, else the partial one. */
function readEntry(names: EntryNames): { data: Buffer; complete: boolean } | undefined {
  const complete = readOptional(names.complete);
  if (complete) return { data: complete, complete: true };
  const partial = readOptional(names.partial);
  return partial ? { data: partial, complete: false } : undefined;
}

/**
 * Entries of one file (by path) for one Node version start alike, so a new entry replaces the
 * ones made for the file's earlier versions, and two installs or Node versions in turn keep theirs.
 */
function cachePrefix(file: string, variant: string | undefined): string {
  const owner = [file, process.version, process.arch].join("\0");
  const name = path.basename(file).replace(/\.c?js$/, "") + (variant ? `.${variant}` : "");
  return `${name}-${hash(owner).slice(0, 8)}-`;
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Entries made for earlier versions of the same file (each rebuild of crdgen's bundle, each
 * TypeScript update, each Node version), and a partial entry a complete one replaces, would
 * otherwise pile up in the cache folder.
 */
function removeOtherEntries(dir: string, prefix: string, kept: readonly string[]): void {
  for (const other of readdirSync(dir)) {
    const at = path.join(dir, other);
    if (!kept.includes(at) && other.startsWith(prefix) && other.endsWith(".v8cache"))
      rmSync(at, { force: true });
  }
}

/** Writes the compiled code, functions compiled lazily so far included. */
function save(script: vm.Script, cacheFile: string, prefix: string, kept: readonly string[]): void {
  try {
    const data = script.createCachedData();
    makeDirs(path.dirname(cacheFile));
    // Written aside and renamed: parallel runs never read half an entry.
    const temp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temp, data);
    renameSync(temp, cacheFile);
    removeOtherEntries(path.dirname(cacheFile), prefix, kept);
  } catch {
    // A read-only or full disk: run without a cache.
  }
}

/**
 * crdgen's cache folder for the package `installed` (a file of it): `node_modules/.cache/crdgen`
 * of the node_modules folder it lives in, the convention of babel, eslint and others. Where that
 * cannot be written (a global install owned by root, a read-only image), the user's own cache
 * folder, `$XDG_CACHE_HOME/crdgen` or `~/.cache/crdgen`: without any cache every run compiles
 * TypeScript anew, ~0.3 s of a 10-type run. Undefined when neither is there.
 */
export function cacheDirNear(installed: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = installed.lastIndexOf(marker);
  const local = at < 0 ? undefined : path.join(installed.slice(0, at + marker.length), ".cache", "crdgen");
  return local !== undefined && canWriteBelow(local) ? local : userCacheDir(env);
}

/** Whether `dir` is, or could be made, a folder this process can write in. */
function canWriteBelow(dir: string): boolean {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return false;
      accessSync(at, constants.W_OK);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT" || path.dirname(at) === at) return false;
    }
  }
}

function userCacheDir(env: NodeJS.ProcessEnv): string | undefined {
  const xdg = env["XDG_CACHE_HOME"];
  // The XDG spec: a relative path is to be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "crdgen");
  try {
    const home = homedir();
    return home ? path.join(home, ".cache", "crdgen") : undefined;
  } catch {
    return undefined;
  }
}
