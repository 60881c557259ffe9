/**
 * `crdgen --watch`: a CrdSession (one loaded program, changed files re-read, only changed
 * CRD files rewritten) driven by file-system events. A bad edit prints its errors and keeps
 * watching; fixing it recovers.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { formatDiagnostics } from "../diagnostics/format.js";
import type { GenerateOptions, GenerateResult } from "../generate.js";
import { CrdSession } from "../session.js";
import { EXIT_OK, type CliIo } from "./io.js";

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

export function startWatch(options: GenerateOptions, io: CliIo): WatchHandle {
  const cwd = options.cwd ?? io.cwd;
  const session = new CrdSession({ ...options, cwd });
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let waiters: ((r: GenerateResult) => void)[] = [];

  const run = async (): Promise<void> => {
    const started = performance.now();
    const { result, written, unchanged } = await session.run();
    if (unchanged) return;
    if (result.diagnostics.length > 0) io.stderr.write(formatDiagnostics(result.diagnostics, { cwd }));
    const ms = Math.round(performance.now() - started);
    if (!result.ok) io.stdout.write("errors found; watching for changes\n");
    else if (written.length === 0) io.stdout.write(`no CRD changed (${ms} ms); watching for changes\n`);
    else {
      const lines = written.map((f) => `wrote ${path.relative(cwd, f)}`).join("\n");
      io.stdout.write(`${lines}\nregenerated in ${ms} ms; watching for changes\n`);
    }
    watchDirectories();
    const current = waiters;
    waiters = [];
    for (const w of current) w(result);
  };

  /**
   * Watches every folder holding one of the session's type files (new imports widen the set),
   * and folders given as entries with all their subfolders (a file created there is a new entry).
   */
  const watchDirectories = () => {
    const folders = session.entryFolders();
    const dirs = new Set([...session.typeFiles().map((f) => path.dirname(f)), ...folders]);
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(
          dir,
          watch(dir, { recursive: folders.includes(dir) }, (_event, name) => {
            if (name) onChange(path.join(dir, name.toString()));
          }),
        );
      } catch {
        // A folder that vanished is simply not watched; its files are reported as missing on the next run.
      }
    }
  };

  const onChange = (file: string) => {
    if (session.isTypeFile(file)) session.markChanged(file);
    else if (!watchers.has(file) && session.typeFiles().some((f) => path.dirname(f) === file)) {
      // A folder an import is waiting for appeared (`./api` -> api/index.ts): watch it. Files
      // written in it before its watcher started are found by the run (by their stamps).
      watchDirectories();
    } else return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  const ready = run();
  // While the user has not edited anything yet, get the first rebuild's cost out of the way.
  void ready.then(() => session.warmUp()).catch(() => undefined);
  return {
    ready,
    nextRun: () => new Promise((resolve) => waiters.push(resolve)),
    close: () => {
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
