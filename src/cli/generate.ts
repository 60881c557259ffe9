/**
 * `crdgen [options] <file.ts...>`: a generation run, a thin shell over the programmatic API.
 * Writes the CRD files (removing those crdgen wrote that the types no longer make), prints them
 * (`--stdout`), compares them with the output folder (`--check`) or keeps regenerating (`--watch`).
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { formatDiagnostics } from "../diagnostics/format.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import type { GenerateOptions } from "../generate.js";
import { describeWriteFailure } from "../runtime/fs-error.js";
import { tagRegistry } from "../tags/index.js";
import { parseCommandLine } from "./args.js";
import { EXIT_ERRORS, EXIT_OK, relativeTo, usageError, writeBytes, type CliIo } from "./io.js";
import { regenerateCommand } from "./fix-command.js";
import { reportStale } from "./stale-report.js";
import { STDIN_ARG } from "./stdin.js";

export const USAGE = `Usage: crdgen [options] <file.ts...>
       crdgen check [options] <files or globs...>
       crdgen diff [options] <old> <new>

Generates Kubernetes CustomResourceDefinitions from TypeScript types tagged @crd.

Options:
  -o, --out-dir <dir>     where to write <group>_<plural>.yaml files (default: ./crds);
                          CRD files crdgen wrote there that the types no longer make are removed
      --stdout            print all CRDs as one stream instead of writing files
      --check             write nothing; exit 1 with a diff if the files in --out-dir are
                          missing, stale or extra (the pull-request gate)
      --watch             keep running and regenerate when the input files change
      --format <fmt>      yaml (default) or json
  -p, --tsconfig <path>   tsconfig.json to use, or a folder holding one
                          (default: nearest above the first file)
      --no-type-check     do not report type errors in the input files (names and modules
                          TypeScript cannot find are still errors)
      --max-description-length <n>
                          cut longer descriptions after a sentence or word; 0 drops them
                          (as controller-gen's maxDescLen)
      --help-tags         list every tag crdgen understands
  -h, --help              show this help
  -v, --version           print the version

Exit codes: 0 success, 1 input or validation errors (with --check: files out of date),
2 usage errors.
`;

const OPTIONS = {
  "out-dir": { type: "string", short: "o", value: "dir" },
  stdout: { type: "boolean" },
  check: { type: "boolean" },
  watch: { type: "boolean" },
  format: { type: "string", value: "fmt" },
  tsconfig: { type: "string", short: "p", value: "path" },
  "no-type-check": { type: "boolean" },
  "max-description-length": { type: "string", value: "n" },
  "help-tags": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, OPTIONS);
  if (!parsed.ok) return usageError(io, "crdgen", parsed.message, USAGE);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${await version()}\n`);
    return EXIT_OK;
  }
  if (values["help-tags"]) {
    io.stdout.write(helpTags());
    return EXIT_OK;
  }
  const format = values.format ?? "yaml";
  if (format !== "yaml" && format !== "json")
    return usageError(io, "crdgen", `--format must be yaml or json, got "${format}"`, USAGE);
  if (positionals.length === 0) {
    // `tsc -p` takes its files from the tsconfig; crdgen reads only the entries it is given.
    const message = values.tsconfig
      ? "no input files (--tsconfig gives the compiler options, not the files: give the files or folders declaring the @crd types)"
      : "no input files";
    return usageError(io, "crdgen", message, USAGE);
  }
  // TypeScript resolves an entry's imports from its folder: a stream on stdin has none.
  if (positionals.includes(STDIN_ARG))
    return usageError(
      io,
      "crdgen",
      "- (standard input) cannot be an entry: TypeScript entries must be files",
      USAGE,
    );
  const maxText = values["max-description-length"];
  if (maxText !== undefined && !/^\d+$/.test(maxText)) {
    const message = `--max-description-length must be a non-negative integer, got "${maxText}"`;
    return usageError(io, "crdgen", message, USAGE);
  }
  if ([values.stdout, values.check, values.watch].filter(Boolean).length > 1) {
    return usageError(io, "crdgen", "--stdout, --check and --watch cannot be combined", USAGE);
  }
  const outDirAsFile = values.stdout ? undefined : fileLikeOutDir(values["out-dir"], io.cwd);
  if (outDirAsFile !== undefined) {
    // A folder named crds.yaml is never what was meant; one file of every CRD is what --stdout makes.
    const message = `--out-dir takes a folder (crdgen writes a file per CRD into it), not a file such as ${outDirAsFile}: to write every CRD into one file, use --stdout > ${outDirAsFile}`;
    return usageError(io, "crdgen", message, USAGE);
  }
  const options: GenerateOptions = {
    entries: positionals,
    cwd: io.cwd,
    format,
    ...(values.tsconfig ? { tsconfig: values.tsconfig } : {}),
    ...(values["out-dir"] ? { outDir: values["out-dir"] } : {}),
    typeCheck: !values["no-type-check"],
    ...(maxText !== undefined ? { maxDescriptionLength: Number(maxText) } : {}),
  };
  if (values.watch) return (await import("./watch.js")).runWatch(options, io);
  // Loaded here, not at the top: `crdgen check` and `crdgen diff` never need TypeScript.
  const { generate, streamBytes } = await import("../generate.js");
  const result = generate(options);
  if (result.diagnostics.length > 0) io.stderr.write(formatDiagnostics(result.diagnostics, { cwd: io.cwd }));
  if (!result.ok || hasErrors(result.diagnostics)) return EXIT_ERRORS;

  if (values.stdout) {
    writeBytes(io.stdout, streamBytes(result));
    return EXIT_OK;
  }
  const outDir = path.resolve(io.cwd, options.outDir ?? "crds");
  if (values.check) {
    // Else every CRD would be "missing", and generating, which --check's message suggests, fails.
    const inTheWay = await fileInTheWay(outDir);
    if (inTheWay !== undefined) {
      const message = `cannot compare with --out-dir: ${relativeTo(io.cwd, inTheWay)} is a file, not a folder`;
      io.stderr.write(
        `error CRD4003: ${message}\n  hint: give --out-dir a folder, or a path where one can be made\n`,
      );
      return EXIT_ERRORS;
    }
    const { checkStale } = await import("../stale.js");
    const report = await checkStale(result, outDir, io.cwd);
    return reportStale(report, result.files.length, outDir, io, regenerateCommand(argv));
  }
  const { removeStaleCrdFiles } = await import("../write/stale-files.js");
  const { changedFiles, writeAtomically } = await import("../write/files.js");
  let removed: string[];
  let changed: ReadonlySet<string>;
  try {
    const files = await changedFiles(result.files);
    changed = new Set(files.map((f) => f.path));
    await writeAtomically(files);
    // CRD files crdgen wrote earlier that these types no longer make (a @plural changed, --format switched).
    removed = await removeStaleCrdFiles(outDir, result.files);
  } catch (e) {
    const failure = describeWriteFailure(e, "--out-dir", (p) => relativeTo(io.cwd, p));
    io.stderr.write(`error CRD4003: ${failure.message}\n${failure.hint ? `  hint: ${failure.hint}\n` : ""}`);
    return EXIT_ERRORS;
  }
  for (const f of result.files)
    io.stdout.write(`${changed.has(f.path) ? "wrote" : "unchanged"} ${relativeTo(io.cwd, f.path)}\n`);
  for (const f of removed) io.stdout.write(`removed ${relativeTo(io.cwd, f)}\n`);
  return EXIT_OK;
}

/**
 * An `--out-dir` spelt as a CRD file (`crds/all.yaml`) that is not a folder already: the user
 * meant one file, and would get a folder of that name. An existing file is left to the write's
 * own error (CRD4003).
 */
function fileLikeOutDir(outDir: string | undefined, cwd: string): string | undefined {
  if (outDir === undefined || !/\.(ya?ml|json)$/i.test(outDir)) return undefined;
  return existsSync(path.resolve(cwd, outDir)) ? undefined : outDir;
}

/** `outDir` or the nearest of its parents that exists, when that is a file. */
async function fileInTheWay(outDir: string): Promise<string | undefined> {
  for (let p = outDir; ; p = path.dirname(p)) {
    try {
      return (await stat(p)).isDirectory() ? undefined : p;
    } catch {
      if (path.dirname(p) === p) return undefined;
    }
  }
}

/** Width of the syntax column of `--help-tags`; a longer syntax has its summary on the next line. */
const SYNTAX_COLUMN = 44;

function helpTags(): string {
  const rows = tagRegistry.all().map((t) => {
    // Most summaries already say "repeatable" in their own words.
    const repeatable = t.repeatable && !/\brepeatable\b/.test(t.summary) ? " (repeatable)" : "";
    const summary = `${t.summary} [${t.targets.join(", ")}]${repeatable}`;
    return t.syntax.length > SYNTAX_COLUMN
      ? `  ${t.syntax}\n  ${" ".repeat(SYNTAX_COLUMN)} ${summary}`
      : `  ${t.syntax.padEnd(SYNTAX_COLUMN)} ${summary}`;
  });
  return `Tags crdgen understands (on a CRD root, a named type, or a property):\n${rows.join("\n")}\n`;
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
