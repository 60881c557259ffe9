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
}

export function readTsconfig(file: string, files: FileAccess): TsconfigResult {
  const read = tsApi.readConfigFile(file, (f) => files.readFile(f));
  if (read.error) return { options: {}, errors: [read.error] };
  const parsed = tsApi.parseJsonConfigFileContent(
    read.config,
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
  return { options: parsed.options, errors: parsed.errors.filter((e) => e.code !== NO_INPUTS) };
}
