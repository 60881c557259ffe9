/**
 * `crdgen --watch`: a CrdSession (one loaded program, changed files re-read, only changed
 * CRD files rewritten) driven by file-system events. A bad edit prints its errors and keeps
 * watching; fixing it recovers.
 */
import path from "node:path";
import { codes } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import { failed, type GenerateOptions, type GenerateResult } from "../generate.js";
import { isDirectory } from "../read/program.js";
import { describeWriteFailure, isFileSystemError } from "../runtime/fs-error.js";
import { CrdSession, type RunOutcome } from "../session.js";
import { FolderWatchers } from "./folder-watchers.js";
import { EXIT_OK, relativeTo, unexpectedError, type CliIo } from "./io.js";

/**
 * Editors save in bursts (write, rename, chmod) that end within a millisecond or two: wait this
 * long after the last event of a burst. (A rebuild takes ~100 ms; webpack waits 20 ms.) An event
 * that arrives during a rebuild schedules another, so a slower burst costs one extra run.
 */
const DEBOUNCE_MS = 10;

export interface WatchHandle {
  /** Resolves after the first generation has been written (or failed). */
  ready: Promise<void>;
  /** Resolves after the next regeneration. */
  nextRun(): Promise<GenerateResult>;
  close(): void;
}

export async function runWatch(
  options: GenerateOptions,
  io: CliIo & { signal?: AbortSignal },
): Promise<number> {
  const handle = startWatch(options, io);
  await handle.ready;
  await new Promise<void>((resolve) => {
    const stop = () => {
      handle.close();
      resolve();
    };
    if (io.signal) io.signal.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
  });
  return EXIT_OK;
}

/**
 * A run that threw: an output folder that could not be written (a full disk, no permission) is
 * a CRD4003 problem; anything else (input nested too deeply for the call stack, a crdgen bug) is
 * said as a one-shot run says it, not as a write failure. Either way watching goes on.
 */
function runFailure(e: unknown, io: CliIo, cwd: string): RunOutcome {
  const diagnostics: Diagnostic[] = [];
  if (isFileSystemError(e)) {
    const { message, hint } = describeWriteFailure(e, "--out-dir", (p) => relativeTo(cwd, p));
    diagnostics.push({ severity: "error", code: codes.writeFailed, message, hint });
  } else io.stderr.write(unexpectedError("crdgen", e));
  return { result: failed(diagnostics), written: [], removed: [], unchanged: false };
}

export function startWatch(options: GenerateOptions, io: CliIo): WatchHandle {
  const cwd = options.cwd ?? io.cwd;
  // As one-shot generation does, CRD files crdgen wrote that the types no longer make are removed.
  const session = new CrdSession({ ...options, cwd, removeStale: true });
  const folders = new FolderWatchers((file) => onChange(file));
  let timer: NodeJS.Timeout | undefined;
  let waiters: ((r: GenerateResult) => void)[] = [];
  let closed = false;

  const run = async (): Promise<void> => {
    const started = performance.now();
    let threw = false;
    const outcome = await session.run().catch((e: unknown) => {
      threw = true;
      return runFailure(e, io, cwd);
    });
    // Closed (Ctrl-C) while this run was going: watching the folders again would keep the process alive.
    if (outcome.unchanged || closed) return;
    const { result, written, removed } = outcome;
    if (result.diagnostics.length > 0) io.stderr.write(formatDiagnostics(result.diagnostics, { cwd }));
    const ms = Math.round(performance.now() - started);
    const changes = [
      ...written.map((f) => `wrote ${path.relative(cwd, f)}\n`),
      ...removed.map((f) => `removed ${path.relative(cwd, f)}\n`),
    ].join("");
    if (!result.ok) io.stdout.write("errors found; watching for changes\n");
    else if (changes === "") io.stdout.write(`no CRD changed (${ms} ms); watching for changes\n`);
    else io.stdout.write(`${changes}regenerated in ${ms} ms; watching for changes\n`);
    watchDirectories();
    const current = waiters;
    waiters = [];
    for (const w of current) w(result);
    // A file saved while this run read it, before a watcher was on its folder (the first run,
    // a new import), has sent no event: the session's stamps tell. Not after a run that threw,
    // which left the stamps as they were: that would run (and throw) again and again.
    if (!threw && session.changedSinceRead()) schedule();
  };

  /**
   * Watches every folder holding one of the session's type files (new imports widen the set),
   * folders given as entries with all their subfolders (a file created there is a new entry), and
   * the folder above each entry's folder: a folder's own watcher follows it when it is renamed, so
   * only its parent sees it go away and come back.
   */
  const watchDirectories = () =>
    folders.update(
      [...session.typeFiles().map((f) => path.dirname(f)), ...entryParents(options.entries, cwd)],
      session.entryFolders(),
    );

  const onChange = (file: string) => {
    if (session.isTypeFile(file)) session.markChanged(file);
    else if (isFolderOfInterest(file)) {
      // A folder an import is waiting for appeared (`./api` -> api/index.ts), or a subfolder of a
      // folder entry came or went: watch what is there now. Files written in a new folder before
      // its watcher started are found by the run (the entries are listed again, files by stamps).
      watchDirectories();
    } else return;
    schedule();
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  const isFolderOfInterest = (file: string): boolean => {
    if (folders.has(file)) return true; // a watched folder deleted or replaced
    if (!isDirectory(file)) return false;
    return (
      session.typeFiles().some((f) => path.dirname(f) === file) ||
      session.entryFolders().some((folder) => folder === file || file.startsWith(folder + path.sep))
    );
  };

  const ready = run();
  // While the user has not edited anything yet, get the first rebuild's cost out of the way.
  void ready.then(() => session.warmUp()).catch(() => undefined);
  return {
    ready,
    nextRun: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => {
      closed = true;
      clearTimeout(timer);
      folders.close();
    },
  };
}

/**
 * The two folders above each entry, or the nearest ones that exist: where an entry's folder (or
 * a folder entry) renamed away, deleted or made again shows up. Whether a missing entry was a file
 * or a folder is not known, hence both.
 */
function entryParents(entries: readonly string[], cwd: string): string[] {
  const existing = (folder: string): string => {
    while (!isDirectory(folder) && path.dirname(folder) !== folder) folder = path.dirname(folder);
    return folder;
  };
  return entries.flatMap((entry) => {
    const parent = path.dirname(path.resolve(cwd, entry));
    return [existing(parent), existing(path.dirname(parent))];
  });
}
