/** Reads the compiler options of a tsconfig.json (with `extends`), as tsc does. */
import path from "node:path";
import type { ts } from "ts-morph";
import type { FileAccess } from "./compiler-host.js";
import { tsApi } from "./typescript.js";

/** "No inputs were found in config file": crdgen's inputs are its entries, not `include`. */
const NO_INPUTS = 18003;

export interface TsconfigResult {
  options: ts.CompilerOptions;
  errors: ts.Diagnostic[];
  /** The tsconfig and the files it extends, absolute: a change to any of them changes the options. */
  files: string[];
}

export function readTsconfig(file: string, files: FileAccess): TsconfigResult {
  const source = tsApi.readJsonConfigFile(file, (f) => files.readFile(f));
  const parsed = tsApi.parseJsonSourceFileConfigFileContent(
    source,
    {
      useCaseSensitiveFileNames: files.useCaseSensitiveFileNames,
      // `include` is not expanded: only the entries and what they import are loaded.
      readDirectory: () => [],
      fileExists: (f) => files.fileExists(f),
      readFile: (f) => files.readFile(f),
    },
    path.dirname(file),
    undefined,
    file,
  );
  return {
    options: parsed.options,
    errors: parsed.errors.filter((e) => e.code !== NO_INPUTS),
    files: [file, ...(source.extendedSourceFiles ?? [])].map((f) => path.resolve(f)),
  };
}
