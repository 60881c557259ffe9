/**
 * A long-lived generator, behind `crdgen --watch` and the bundler plugins: keeps the program
 * loaded between runs, re-reads only the type files that changed, and writes only the CRD
 * files whose content changed, so a rebuild that touched no type costs a few `stat` calls and
 * unchanged CRDs keep their mtime (GitOps tools and other watchers see no spurious change).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { codes } from "./diagnostics/codes.js";
import { optionErrors } from "./option-errors.js";
import type { Diagnostic } from "./diagnostics/diagnostic.js";
import { failed, generateFromProgram, type GenerateOptions, type GenerateResult } from "./generate.js";
import {
  entryFiles,
  isDirectory,
  isInputUnderFolder,
  loadProgram,
  refreshProgram,
  type LoadedProgram,
} from "./read/program.js";
import { RunCaches } from "./run-caches.js";
import { collectYoungGarbageSoon } from "./runtime/collect-garbage.js";
import { missingImportCandidates } from "./read/importers.js";
import { isLibraryFile } from "./read/library-files.js";
import { bytesOf, writeAtomically, type OutputFile } from "./write/files.js";
import { Utf8Text } from "./write/utf8-text.js";
import { removeStaleCrdFiles, type KeptFiles } from "./write/stale-files.js";

export interface RunOutcome {
  result: GenerateResult;
  /** Absolute paths of the CRD files this run wrote (those whose content changed). */
  written: string[];
  /** Absolute paths of CRD files crdgen wrote earlier that this run removed (with `removeStale`). */
  removed: string[];
  /** True when no type file changed since the last run, so nothing was regenerated. */
  unchanged: boolean;
}

export type SessionOptions = Omit<GenerateOptions, "cwd" | "fileSystem"> & {
  cwd: string;
  /**
   * After a successful run, remove the CRD files crdgen wrote in the output folder that the run no
   * longer makes (a type deleted, a @plural changed), as one-shot generation does.
   */
  removeStale?: boolean;
};

/** See CrdSession.warmUp. */
const WARM_UP_ROUNDS = 4;

/** How many times a run that failed on files saved again while it read them is run again (see run). */
const MAX_RERUNS = 3;

export class CrdSession {
  private loaded: LoadedProgram | undefined;
  /** Work kept between runs; replaced whenever the program is loaded afresh. */
  private caches = new RunCaches();
  private last: RunOutcome | undefined;
  /**
   * What each CRD file holds on disk as far as this session knows, with the file's stamp then: a
   * file whose stamp moved since (deleted, edited by hand, checked out again) is read again, so a
   * run always leaves the files it makes as it makes them, as a one-shot run does.
   */
  private readonly onDisk = new Map<string, { content: Utf8Text; stamp: string }>();
  /** CRD files in the output folder that crdgen did not write (with `removeStale`): not read again each run. */
  private readonly keptFiles: KeptFiles = new Map();
  /** `mtime:size` of each type file when it was last read. */
  private stamps = new Map<string, string>();
  private files: string[];
  /** The entry files (folder entries expanded) as of the last run. */
  private entries: string[];
  private readonly pending = new Set<string>();
  /**
   * Every tsconfig (and file it extends) a load of this session read: one deleted stays a type
   * file, so that putting it back (a branch switch, `git stash pop`) loads the program with it again.
   */
  private readonly configsRead = new Set<string>();
  /** Entries that were folders when last seen: one gone is named as a folder. */
  private readonly folderEntries = new Set<string>();
  /** Runs are chained: two builds starting at once must not write the same files together. */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Options a JavaScript caller passed that crdgen cannot use (CRD4004): every run reports them,
   * and nothing is read, as `generate` does; the constructor never throws.
   */
  private readonly refused: Diagnostic[];

  constructor(private readonly options: SessionOptions) {
    this.refused = sessionOptionErrors(options);
    this.entries = this.refused.length > 0 ? [] : entryFiles(options.entries, options.cwd);
    this.files = this.collectTypeFiles();
  }

  get cwd(): string {
    return this.options.cwd;
  }

  /**
   * The files the CRDs are made from: the entries, every source file of the program that is not
   * a library's (no node_modules, no lib.d.ts), the tsconfig with the files it extends, and the
   * files that would satisfy an import that finds no file yet. A change to any of them (creating
   * one included) can change a CRD.
   */
  typeFiles(): string[] {
    return this.files;
  }

  /** Folders given as entries, absolute: a TypeScript file created anywhere under one is a new entry. */
  entryFolders(): string[] {
    if (this.refused.length > 0) return [];
    return this.options.entries.map((e) => path.resolve(this.options.cwd, e)).filter((e) => isDirectory(e));
  }

  private collectTypeFiles(): string[] {
    const files = new Set(this.entries);
    const program = this.loaded?.program;
    // A sibling workspace package's declarations are included: `tsc -b -w` rewrites them as its
    // sources are edited (see library-files.ts).
    if (program)
      for (const sf of program.getSourceFiles())
        if (!isLibraryFile(program, sf)) files.add(path.resolve(sf.fileName));
    for (const config of this.loaded?.configFiles ?? []) this.configsRead.add(config);
    for (const config of this.configsRead) files.add(config);
    // An import of a file that does not exist yet: creating the file must trigger a run.
    if (program) for (const candidate of missingImportCandidates(program)) files.add(candidate);
    return [...files];
  }

  /** `file` is absolute, or relative to the session's `cwd` (as its entries are). */
  isTypeFile(file: string): boolean {
    if (this.refused.length > 0) return false;
    const resolved = path.resolve(this.options.cwd, file);
    return (
      this.files.includes(resolved) ||
      this.entryFolders().some((folder) => isInputUnderFolder(resolved, folder))
    );
  }

  /** Records a change the bundler saw; the next `run` re-reads that file. Other files are ignored. */
  markChanged(file: string): void {
    if (this.isTypeFile(file)) this.pending.add(path.resolve(this.options.cwd, file));
  }

  /**
   * Generates and writes. The first run loads the program; later runs re-read the files
   * marked changed plus any whose mtime or size moved (bundlers such as esbuild do not say
   * which file triggered a rebuild), and return the previous outcome when there are none.
   */
  run(): Promise<RunOutcome> {
    const next = this.queue.then(() => this.runOnFilesAsTheyAre());
    this.queue = next.catch(() => undefined);
    // What a rebuild left in the young generation is collected before the next edit, not during it.
    next.then(
      (outcome) => {
        if (!outcome.unchanged) collectYoungGarbageSoon();
      },
      () => undefined,
    );
    return next;
  }

  /**
   * A run, again while it failed on files saved again while it read them: its errors may be of
   * text no longer there (writing a file in place empties it first, and a run can read it
   * empty), and a failed run wrote nothing. A few times at most, so that files rewritten without
   * end still get their errors said.
   */
  private async runOnFilesAsTheyAre(): Promise<RunOutcome> {
    let outcome = await this.runNow();
    for (let again = 0; again < MAX_RERUNS && !outcome.result.ok && this.changedSinceRead(); again++)
      outcome = await this.runNow();
    return outcome;
  }

  private async runNow(): Promise<RunOutcome> {
    if (this.refused.length > 0)
      return { result: failed(this.refused), written: [], removed: [], unchanged: false };
    const started = Date.now();
    const { changed, seen } = this.loaded
      ? this.changedFiles()
      : { changed: [], seen: new Map<string, string>() };
    this.pending.clear();
    // A folder entry stands for the files under it now: creating or deleting one changes the entries.
    const entries = entryFiles(this.options.entries, this.options.cwd);
    for (const folder of this.entryFolders()) this.folderEntries.add(folder);
    const entriesChanged = entries.join("\n") !== this.entries.join("\n");
    if (this.loaded && this.last && changed.length === 0 && !entriesChanged)
      return { ...this.last, written: [], removed: [], unchanged: true };
    this.entries = entries;

    const { cwd } = this.options;
    // An entry file named on the command line was deleted (or renamed away): say so, rather than
    // read a program without it and find no CRD. The program stays as it was; the edits seen
    // meanwhile are kept pending for the run that finds the entry back (recreating it moves its
    // stamp from missing). The stamps move on: left behind, they would say a file changed since
    // it was read, and watch mode would run, and say this, again and again.
    const gone = this.loaded ? entries.filter((f) => !existsSync(f)) : [];
    if (gone.length > 0) {
      for (const f of changed) this.pending.add(f);
      for (const [f, stamp] of seen) this.stamps.set(f, stamp);
      const diagnostics = gone.map((f): Diagnostic => entryGone(f, this.folderEntries.has(f), cwd));
      const result = failed(diagnostics);
      this.last = { result, written: [], removed: [], unchanged: false };
      return this.last;
    }
    const generateOptions: GenerateOptions = { ...this.options };
    if (
      !this.loaded ||
      this.loaded.entries.length < entries.length ||
      entriesChanged ||
      changed.some((f) => this.configsRead.has(f))
    ) {
      // First run; an entry was missing last time, or the entries changed (only a fresh load
      // picks a new entry up); or the compiler options changed (they can change every type).
      this.loaded = loadProgram({ entries: this.options.entries, cwd, tsconfig: this.options.tsconfig });
      this.caches = new RunCaches();
    } else {
      this.loaded = refreshProgram(this.loaded, changed);
    }
    // The caches type-check again only the files an edit can have given type errors
    // (read/incremental-check.ts) and report the others' errors from their last check.
    const result = generateFromProgram(this.loaded, generateOptions, this.caches);
    this.files = this.collectTypeFiles();
    // Stamps taken before the re-read are kept: a save racing the read then shows up next run.
    const firstRead = this.files.filter((f) => !seen.has(f));
    const stamps = this.freshStamps(firstRead, started);
    for (const f of this.files) {
      const before = seen.get(f);
      if (before !== undefined) stamps.set(f, before);
    }
    this.stamps = stamps;

    const written = result.ok ? await this.writeChanged(result.files) : [];
    const removed = result.ok && this.options.removeStale ? await this.removeStale(result.files) : [];
    this.last = { result, written, removed, unchanged: false };
    return this.last;
  }

  /**
   * Runs rebuilds on the unchanged program and throws their results away, so that the code a
   * rebuild runs has been compiled and the first rebuild's garbage made before the first edit
   * arrives. The first rebuilds after a cold run are otherwise about twice as slow as later ones:
   * V8 compiled that code for the cold run's objects and throws some of it away on a rebuild's
   * (10-14 deoptimisations in each of the first three). At 1,000 types the first edit after one
   * warm-up took 170-220 ms, after four 115-130 ms (steady rebuilds: 80-100 ms); each warm-up
   * costs 100-200 ms of a session nobody has edited in yet. Each is queued like a run; none runs
   * once an edit is pending or a run came between, so an edit waits for one at most; nothing
   * after a failed run. Resolves to the number of warm-ups run.
   */
  async warmUp(rounds = WARM_UP_ROUNDS): Promise<number> {
    const last = this.last;
    let done = 0;
    for (let i = 0; i < rounds; i++) {
      if (!(await this.warmUpOnce(last))) break;
      done++;
    }
    return done;
  }

  private warmUpOnce(last: RunOutcome | undefined): Promise<boolean> {
    const next = this.queue.then(() => {
      if (!this.loaded || !last?.result.ok || this.last !== last || this.pending.size > 0) return false;
      const file = warmUpFile(this.files, this.loaded, this.configsRead);
      if (!file) return false;
      const refreshed = refreshProgram(this.loaded, [file]);
      generateFromProgram(refreshed, { ...this.options }, this.caches);
      this.loaded = refreshed;
      collectYoungGarbageSoon();
      return true;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Stamps of files this run read for the first time (all of them on the first run), taken after
   * the read: a file saved meanwhile, before anyone watched it, would look read. One written since
   * the run started is compared with the text the program read instead, and when they differ (or
   * the program did not read it: an import's candidate created meanwhile) is stamped as never
   * read, so the next run (and `changedSinceRead`) takes it for a change.
   */
  private freshStamps(files: readonly string[], started: number): Map<string, string> {
    const stamps = stampsOf(files);
    const configFiles = this.loaded?.configFiles ?? [];
    for (const [file, stamp] of stamps) {
      // The slack covers file systems whose clock is coarser than Date.now()'s.
      if (stamp === MISSING || mtimeOf(stamp) < started - CLOCK_SLACK_MS) continue;
      if (configFiles.includes(file)) continue; // its text is not kept: not checked
      const read = this.loaded?.program.getSourceFile(file)?.text;
      if (read === undefined || read !== readText(file)) stamps.set(file, UNREAD);
    }
    return stamps;
  }

  /** Whether a type file changed on disk since it was read (a change whose event was lost). */
  changedSinceRead(): boolean {
    if (!this.loaded) return false;
    for (const [file, stamp] of stampsOf([...this.stamps.keys()]))
      if (this.stamps.get(file) !== stamp) return true;
    return false;
  }

  private changedFiles(): { changed: string[]; seen: Map<string, string> } {
    const changed = new Set(this.pending);
    const seen = stampsOf([...this.stamps.keys()]);
    for (const [file, stamp] of seen) if (this.stamps.get(file) !== stamp) changed.add(file);
    return { changed: [...changed], seen };
  }

  private async removeStale(files: readonly OutputFile[]): Promise<string[]> {
    const outDir = path.resolve(this.options.cwd, this.options.outDir ?? "crds");
    const removed = await removeStaleCrdFiles(outDir, files, this.keptFiles);
    for (const f of removed) this.onDisk.delete(f);
    return removed;
  }

  private async writeChanged(files: readonly OutputFile[]): Promise<string[]> {
    const dirty: OutputFile[] = [];
    for (const f of files) {
      const known = this.onDisk.get(f.path);
      const stamp = stampOf(f.path);
      // Stamped before the read: a write racing it shows up as a moved stamp next run.
      const current =
        known?.stamp === stamp && stamp !== MISSING ? known.content : await readOptional(f.path);
      // As bytes: the contents are never made strings.
      const content = bytesOf(f);
      if (current === undefined || !content.equals(current)) dirty.push(f);
      else this.onDisk.set(f.path, { content, stamp });
    }
    await writeAtomically(dirty);
    for (const f of dirty) this.onDisk.set(f.path, { content: bytesOf(f), stamp: stampOf(f.path) });
    return dirty.map((f) => f.path);
  }
}

/**
 * The file a warm-up re-reads as if edited: the last type file the program parsed. Not the
 * tsconfig (last of the type files), nor an import's missing candidate: re-reading either parses
 * no type again, so the type checking, reading and schema work an edit costs would stay cold.
 */
export function warmUpFile(
  files: readonly string[],
  loaded: LoadedProgram,
  configs: ReadonlySet<string>,
): string | undefined {
  for (let i = files.length - 1; i >= 0; i--) {
    const file = files[i]!;
    if (!configs.has(file) && loaded.program.getSourceFile(file) !== undefined) return file;
  }
  return undefined;
}

/** `generate`'s checks, and the session's own: its `cwd` is required. */
function sessionOptionErrors(options: SessionOptions): Diagnostic[] {
  const errors = optionErrors(options);
  // Spelt out for a JavaScript caller: the type requires it.
  const cwd: unknown = typeof options === "object" && options !== null ? options.cwd : undefined;
  if (cwd === undefined)
    errors.push({
      severity: "error",
      code: codes.badOption,
      message: "cwd is missing.",
      hint: "give the folder relative paths start from: cwd: process.cwd()",
    });
  return errors;
}

function entryGone(file: string, folder: boolean, cwd: string): Diagnostic {
  const relative = path.relative(cwd, file);
  const shown =
    relative.startsWith("..") || path.isAbsolute(relative) ? file : relative.split(path.sep).join("/");
  return {
    severity: "error",
    code: codes.fileNotFound,
    message: `The entry ${folder ? "folder" : "file"} ${shown} no longer exists (deleted or renamed); generating resumes when it is back.`,
  };
}

/** A file that cannot be stat'ed (deleted) gets a stamp of its own, so deleting it counts as a change. */
function stampsOf(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [file, stampOf(file)]));
}

const MISSING = "missing";
/** A stamp no file has: the file's next stamp always differs. */
const UNREAD = "unread";
const CLOCK_SLACK_MS = 1000;

function mtimeOf(stamp: string): number {
  return Number(stamp.slice(0, stamp.indexOf(":")));
}

function readText(file: string): string | undefined {
  try {
    // As TypeScript reads it: without a byte-order mark.
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

function stampOf(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return MISSING;
  }
}

async function readOptional(file: string): Promise<Utf8Text | undefined> {
  try {
    return Utf8Text.ofBytes(await readFile(file));
  } catch {
    return undefined;
  }
}
