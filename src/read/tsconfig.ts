/** Reads the compiler options of a tsconfig.json (with `extends`), as tsc does. */
import path from "node:path";
import type { ts } from "ts-morph";
import type { FileAccess } from "./compiler-host.js";
import { entriesOnlyReadDirectory, slashed } from "./tsconfig-coverage.js";
import { tsApi } from "./typescript.js";

/** "No inputs were found in config file": crdgen's inputs are its entries, not `include`. */
const NO_INPUTS = 18003;
/** "Cannot read file '{0}'": an `extends` that names no file, which tsc reports with no location. */
const CANNOT_READ_FILE = 5083;

export interface TsconfigResult {
  options: ts.CompilerOptions;
  errors: ts.Diagnostic[];
  /** The tsconfig and the files it extends, absolute: a change to any of them changes the options. */
  files: string[];
  /**
   * The entries its `files`/`include`/`exclude` take in, as tsc would (absolute, with `/`);
   * undefined when that is not known.
   */
  takesIn?: ReadonlySet<string>;
}

/** `entries` (absolute) are the files crdgen loads: `takesIn` says which of them the tsconfig takes in. */
export function readTsconfig(
  file: string,
  files: FileAccess,
  entries: readonly string[] = [],
): TsconfigResult {
  const source = tsApi.readJsonConfigFile(file, (f) => files.readFile(f));
  // `include` is matched against the entries alone: nothing else is loaded, so no folder is listed.
  const readDirectory = entriesOnlyReadDirectory(entries, files.useCaseSensitiveFileNames);
  const parsed = tsApi.parseJsonSourceFileConfigFileContent(
    source,
    {
      useCaseSensitiveFileNames: files.useCaseSensitiveFileNames,
      readDirectory: readDirectory ?? (() => []),
      fileExists: (f) => files.fileExists(f),
      readFile: (f) => files.readFile(f),
    },
    path.dirname(file),
    undefined,
    file,
  );
  // With the JSON's own syntax errors, which `parsed.errors` leaves out (tsc reports them).
  const errors = tsApi
    .getConfigFileParsingDiagnostics(parsed)
    .filter((e) => e.code !== NO_INPUTS)
    .map((e) => (e.file === undefined && e.code === CANNOT_READ_FILE ? atExtends(e, source) : e));
  return {
    options: parsed.options,
    errors,
    ...(readDirectory ? { takesIn: new Set(parsed.fileNames.map(slashed)) } : {}),
    files: [file, ...(source.extendedSourceFiles ?? [])].map((f) => path.resolve(f)),
  };
}

/** `error` placed at the `extends` value naming the file it could not read (or at the whole value). */
function atExtends(error: ts.Diagnostic, source: ts.TsConfigSourceFile): ts.Diagnostic {
  const root = source.statements[0]?.expression;
  if (!root || !tsApi.isObjectLiteralExpression(root)) return error;
  const property = root.properties.find(
    (p): p is ts.PropertyAssignment =>
      tsApi.isPropertyAssignment(p) && tsApi.isStringLiteral(p.name) && p.name.text === "extends",
  );
  if (!property) return error;
  const message = tsApi.flattenDiagnosticMessageText(error.messageText, "\n");
  const values = tsApi.isArrayLiteralExpression(property.initializer)
    ? [...property.initializer.elements]
    : [property.initializer];
  const named =
    values.find(
      (v) =>
        tsApi.isStringLiteral(v) && message.includes(path.resolve(path.dirname(source.fileName), v.text)),
    ) ?? property.initializer;
  return { ...error, file: source, start: named.getStart(source), length: named.getWidth(source) };
}
