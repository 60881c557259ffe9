/**
 * The `crdgen` command: a thin shell over the programmatic API. Subcommands `check` and
 * `diff` live in their own modules; everything else is a generation run.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { formatDiagnostics } from "../diagnostics/format.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import path from "node:path";
import type { GenerateOptions } from "../generate.js";
import { didYouMean } from "../tags/suggest.js";
import { tagRegistry } from "../tags/index.js";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, unexpectedError, writeInSlices, type CliIo } from "./io.js";

export { guardOutput, setExitCode } from "./output-errors.js";

const USAGE = `Usage: crdgen [options] <file.ts...>
       crdgen check [options] <files or globs...>
       crdgen diff [options] <old> <new>

Generates Kubernetes CustomResourceDefinitions from TypeScript types tagged @crd.

Options:
  -o, --out-dir <dir>     where to write <group>_<plural>.yaml files (default: ./crds)
      --stdout            print all CRDs as one stream instead of writing files
      --check             write nothing; exit 1 with a diff if the files in --out-dir are
                          missing, stale or extra (the pull-request gate)
      --watch             keep running and regenerate when the input files change
      --format <fmt>      yaml (default) or json
  -p, --tsconfig <path>   tsconfig.json to use, or a folder holding one
                          (default: nearest above the first file)
      --no-type-check     do not report type errors in the input files
      --max-description-length <n>
                          cut longer descriptions at a word boundary (as controller-gen)
      --help-tags         list every tag crdgen understands
  -h, --help              show this help
  -v, --version           print the version
`;

const GENERATE_OPTIONS = {
  "out-dir": { type: "string", short: "o" },
  stdout: { type: "boolean" },
  check: { type: "boolean" },
  watch: { type: "boolean" },
  format: { type: "string" },
  tsconfig: { type: "string", short: "p" },
  "no-type-check": { type: "boolean" },
  "max-description-length": { type: "string" },
  "help-tags": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === "check") return await (await import("./check.js")).runCheck(rest, io);
    if (command === "diff") return await (await import("./diff.js")).runDiff(rest, io);
    return await runGenerate(argv, io);
  } catch (e) {
    io.stderr.write(unexpectedError("crdgen", e));
    return EXIT_ERRORS;
  }
}

async function runGenerate(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: GENERATE_OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return usageError(io, explainParseError((e as Error).message));
  }
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
    return usageError(io, `--format must be yaml or json, got "${format}"`);
  if (positionals.length === 0) return usageError(io, "no input files");
  const maxText = values["max-description-length"];
  if (maxText !== undefined && !/^\d+$/.test(maxText)) {
    return usageError(io, `--max-description-length must be a non-negative integer, got "${maxText}"`);
  }

  if ([values.stdout, values.check, values.watch].filter(Boolean).length > 1) {
    return usageError(io, "--stdout, --check and --watch cannot be combined");
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
  const { generate, writeOutput } = await import("../generate.js");
  const result = generate(options);
  if (result.diagnostics.length > 0) io.stderr.write(formatDiagnostics(result.diagnostics, { cwd: io.cwd }));
  if (!result.ok || hasErrors(result.diagnostics)) return EXIT_ERRORS;

  if (values.stdout) {
    writeInSlices(io.stdout, result.stream);
    return EXIT_OK;
  }
  if (values.check) {
    const outDir = path.resolve(io.cwd, options.outDir ?? "crds");
    const { checkStale } = await import("../stale.js");
    const report = await checkStale(result, outDir, io.cwd);
    if (report.ok) {
      io.stdout.write(`${result.files.length} CRD file(s) in ${relativeTo(io.cwd, outDir)} are up to date\n`);
      return EXIT_OK;
    }
    for (const f of report.files) io.stdout.write(`${f.status}: ${relativeTo(io.cwd, f.path)}\n`);
    io.stdout.write("\n");
    for (const f of report.files) io.stdout.write(f.diff);
    io.stderr.write(
      `crdgen --check: ${report.files.length} file(s) out of date; run crdgen without --check to update them\n`,
    );
    return EXIT_ERRORS;
  }
  try {
    await writeOutput(result);
  } catch (e) {
    io.stderr.write(`error CRD4003: could not write output: ${(e as Error).message}\n`);
    return EXIT_ERRORS;
  }
  for (const f of result.files) io.stdout.write(`wrote ${relativeTo(io.cwd, f.path)}\n`);
  return EXIT_OK;
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`crdgen: ${message}\n\n${USAGE}`);
  return EXIT_USAGE;
}

/** Node's parseArgs messages, plus a did-you-mean for misspelt flags. */
function explainParseError(message: string): string {
  const m = /Unknown option '(--?[\w-]+)'/.exec(message);
  if (!m) return message;
  const flag = m[1]!.replace(/^-+/, "");
  const suggestion = didYouMean(flag, Object.keys(GENERATE_OPTIONS));
  return `unknown option ${m[1]}${suggestion ? ` (did you mean --${suggestion}?)` : ""}`;
}

function helpTags(): string {
  const rows = tagRegistry
    .all()
    .map(
      (t) =>
        `  ${t.syntax.padEnd(44)} ${t.summary} [${t.targets.join(", ")}]${t.repeatable ? " (repeatable)" : ""}`,
    );
  return `Tags crdgen understands (on a CRD root, a named type, or a property):\n${rows.join("\n")}\n`;
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

function relativeTo(cwd: string, file: string): string {
  return file.startsWith(cwd + "/") ? file.slice(cwd.length + 1) : file;
}
