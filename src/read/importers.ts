/**
 * Which of a program's files import which: what watch mode needs to find the files an edit can
 * give type errors. A type reaches a file through chains of imports (`c.ts` uses `B` from `b.ts`,
 * an alias of `A` in the edited `a.ts`), so the files to look at are the importers of the edited
 * files, theirs, and so on.
 */
import path from "node:path";
import type { ts } from "ts-morph";
import { isLibraryFile, NODE_MODULES } from "./library-files.js";
import { tsApi } from "./typescript.js";

/**
 * Every file of `program` that imports one of `files`, directly or through other files of the
 * program (libraries in node_modules and declaration files of the standard library are not
 * followed). `files` may name files the program no longer has (deleted ones).
 */
export function transitiveImporters(
  program: ts.Program,
  host: ts.ModuleResolutionHost,
  files: readonly string[],
): string[] {
  const importedBy = reverseImports(program, host);
  const seen = new Set(files.map(stem));
  const found: string[] = [];
  const queue = [...seen];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const importer of importedBy.get(next) ?? []) {
      const key = stem(importer);
      if (seen.has(key)) continue;
      seen.add(key);
      found.push(importer);
      queue.push(key);
    }
  }
  return found.sort();
}

/** Import target (its path without extension) -> the files importing it. */
function reverseImports(program: ts.Program, host: ts.ModuleResolutionHost): Map<string, string[]> {
  const options = program.getCompilerOptions();
  const resolutions = tsApi.createModuleResolutionCache(program.getCurrentDirectory(), (f) => f, options);
  const importedBy = new Map<string, string[]>();
  for (const sf of program.getSourceFiles()) {
    if (isLibraryFile(program, sf)) continue;
    const { relative, bare } = importsOf(sf);
    // `./x` can be x.ts or x/index.ts: both count (checking one file too many is harmless).
    const targets = new Set(relative.flatMap((s) => [s, path.join(s, "index")]));
    // Bare specifiers reach the user's own files through `paths`, `baseUrl` or a workspace package
    // (linked into node_modules, resolved to its real path); libraries are left out.
    for (const specifier of bare) {
      const resolved = tsApi.resolveModuleName(
        specifier,
        sf.fileName,
        options,
        host,
        resolutions,
      ).resolvedModule;
      if (resolved && !NODE_MODULES.test(resolved.resolvedFileName))
        targets.add(stem(resolved.resolvedFileName));
    }
    for (const target of targets) {
      const list = importedBy.get(target);
      if (list) list.push(sf.fileName);
      else importedBy.set(target, [sf.fileName]);
    }
  }
  return importedBy;
}

interface Imports {
  /** Relative imports, resolved against the file's folder, without extension. */
  relative: readonly string[];
  bare: readonly string[];
}

/** Unchanged files keep their SourceFile across refreshes: each file is scanned once. */
const scanned = new WeakMap<ts.SourceFile, Imports>();

function importsOf(sf: ts.SourceFile): Imports {
  let found = scanned.get(sf);
  if (!found) {
    const dir = path.dirname(sf.fileName);
    const info = tsApi.preProcessFile(sf.text, true, true);
    const names = [...info.importedFiles, ...info.referencedFiles].map((i) => i.fileName);
    found = {
      relative: names.filter(isRelative).map((n) => stem(path.resolve(dir, n))),
      bare: names.filter((n) => !isRelative(n)),
    };
    scanned.set(sf, found);
  }
  return found;
}

/**
 * The files that would satisfy relative imports of the program's own files that resolve to no
 * file now (`./later.js` -> later.ts, later.d.ts, later/index.ts, ...): creating one of them
 * changes the program, so watch mode looks out for them.
 */
export function missingImportCandidates(program: ts.Program): string[] {
  const present = new Set<string>();
  const own = program.getSourceFiles().filter((sf) => !isLibraryFile(program, sf));
  for (const sf of program.getSourceFiles()) present.add(stem(sf.fileName));
  const candidates = new Set<string>();
  for (const sf of own) {
    for (const target of importsOf(sf).relative) {
      if (present.has(target) || present.has(path.join(target, "index"))) continue;
      for (const ext of FILE_EXTENSIONS) candidates.add(target + ext);
      for (const ext of INDEX_EXTENSIONS) candidates.add(path.join(target, "index") + ext);
    }
  }
  return [...candidates].sort();
}

const FILE_EXTENSIONS = [".ts", ".tsx", ".d.ts", ".mts", ".d.mts", ".cts", ".d.cts"];
const INDEX_EXTENSIONS = [".ts", ".tsx", ".d.ts"];

const isRelative = (specifier: string) => specifier.startsWith(".");

/** A file's path without its TypeScript or JavaScript extension: what imports name. */
export const stem = (file: string) => path.resolve(file).replace(/\.(d\.)?(m|c)?(t|j)sx?$/, "");
