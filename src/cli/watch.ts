/**
 * `crdgen --watch`: keeps the program loaded, and on every change of one of its source
 * files re-reads just that file, regenerates, and rewrites only the CRD files whose
 * content changed. A bad edit prints its errors and keeps watching; fixing it recovers.
 */
import { watch, type FSWatcher } from "node:fs";
import { tsApi } from "../read/typescript.js";
import path from "node:path";
import { formatDiagnostics } from "../diagnostics/format.js";
import { generateFromProgram, type GenerateOptions, type GenerateResult } from "../generate.js";
import { loadProgram, refreshProgram, type LoadedProgram } from "../read/program.js";
import { writeAtomically } from "../write/files.js";
import { EXIT_OK, type CliIo } from "./io.js";

/** Editors save in bursts (write, rename, chmod): wait this long for the burst to end. */
const DEBOUNCE_MS = 25;

export interface WatchHandle {
  /** Resolves after the first generation has been written (or failed). */
  ready: Promise<void>;
  /** Resolves after each later regeneration; replaced on every change. */
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
  let loaded: LoadedProgram = loadProgram({
    entries: options.entries,
    cwd,
    tsconfig: options.tsconfig,
    fileSystem: options.fileSystem,
  });
  const written = new Map<string, string>();
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let waiters: ((r: GenerateResult) => void)[] = [];

  const run = async (changed?: string[]): Promise<GenerateResult> => {
    const started = performance.now();
    const result = generateFromProgram(loaded, { ...options, cwd }, changed);
    if (result.diagnostics.length > 0) io.stderr.write(formatDiagnostics(result.diagnostics, { cwd }));
    if (result.ok) {
      const dirty = result.files.filter((f) => written.get(f.path) !== f.content);
      await writeAtomically(dirty);
      for (const f of dirty) written.set(f.path, f.content);
      const ms = Math.round(performance.now() - started);
      io.stdout.write(
        dirty.length > 0
          ? `${dirty.map((f) => `wrote ${path.relative(cwd, f.path)}`).join("\n")}\nregenerated in ${ms} ms; watching for changes\n`
          : `no CRD changed (${ms} ms); watching for changes\n`,
      );
    } else {
      io.stdout.write("errors found; watching for changes\n");
    }
    watchDirectories();
    const current = waiters;
    waiters = [];
    for (const w of current) w(result);
    return result;
  };

  /** Watches every folder holding one of the program's own (non-library) source files. */
  const watchDirectories = () => {
    const dirs = new Set<string>();
    for (const sf of loaded.program.getSourceFiles()) {
      if (sf.isDeclarationFile && loaded.program.isSourceFileFromExternalLibrary(sf)) continue;
      if (/[\\/]node_modules[\\/]/.test(sf.fileName) || /^\/?lib\./.test(path.basename(sf.fileName)))
        continue;
      dirs.add(path.dirname(sf.fileName));
    }
    for (const e of options.entries) dirs.add(path.dirname(path.resolve(cwd, e)));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(
          dir,
          watch(dir, (_event, name) => name && onChange(path.join(dir, name.toString()))),
        );
      } catch {
        // A folder that vanished is simply not watched; its files are reported as missing on the next run.
      }
    }
  };

  const onChange = (file: string) => {
    if (!/\.(m|c)?tsx?$/.test(file)) return;
    pending.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      loaded = refreshProgram(loaded, changed);
      // Type errors a change causes show up in the changed files and in the files importing them
      // (a deleted or renamed export breaks its importers).
      void run([...changed, ...importersOf(loaded, changed)]);
    }, DEBOUNCE_MS);
  };

  const ready = run().then(() => undefined);
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

/** The program's own files with a relative import of one of `changed` (any extension). */
function importersOf(loaded: LoadedProgram, changed: readonly string[]): string[] {
  const stem = (file: string) => file.replace(/\.(d\.)?(m|c)?(t|j)sx?$/, "");
  const targets = new Set(changed.map((f) => stem(path.resolve(f))));
  const out: string[] = [];
  for (const sf of loaded.program.getSourceFiles()) {
    if (sf.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sf.fileName)) continue;
    const imports = tsApi.preProcessFile(sf.text, true, true).importedFiles;
    if (
      imports.some(
        (i) =>
          i.fileName.startsWith(".") &&
          targets.has(stem(path.resolve(path.dirname(sf.fileName), i.fileName))),
      )
    ) {
      out.push(sf.fileName);
    }
  }
  return out;
}
