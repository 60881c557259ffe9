/**
 * `crdgen diff <old> <new>` and `crdgen diff --base <git-ref> <new>`: report the API
 * changes between two sets of CRDs and fail (exit 1) when one is breaking.
 */
import path from "node:path";
import { diffCrds } from "../diff/index.js";
import { crdName } from "../diff/crd-access.js";
import { FORMATS, formatChanges, isDiffFormat } from "../diff/format/index.js";
import type { Locate } from "../diff/format/source-location.js";
import type { CrdSetResult, SourcedCrd } from "../diff/sources/crd-documents.js";
import { displayPath, loadCrdsFromPath } from "../diff/sources/files.js";
import { findMovedCrds, loadCrdsFromGit } from "../diff/sources/git.js";
import { annotationBase, annotationPath } from "../diagnostics/workflow-command.js";
import { markRunComplete } from "../runtime/code-cache.js";
import { positionOf } from "../yaml/load.js";
import { parseCommandLine } from "./args.js";
import { STDIN_ARG } from "./stdin.js";
import {
  EXIT_ERRORS,
  EXIT_OK,
  EXIT_USAGE,
  inputError,
  usageError as writeUsageError,
  type CliIo,
} from "./io.js";
import { typeScriptArgument } from "./typescript-arguments.js";

export const DIFF_USAGE = `Usage:
  crdgen diff [options] <old> <new>
  crdgen diff [options] --base <git-ref> <new>

Compares two sets of CustomResourceDefinitions and classifies each API change as
breaking or compatible. <old> and <new> are files or folders (every *.yaml, *.yml
and *.json inside, recursively); with --base, the old side is <new> as of <git-ref>.

Options:
  --base <git-ref>    read the old side from git
  --format <format>   ${FORMATS.join(" | ")} (default: human)
  --allow-breaking    exit 0 even when a change is breaking
  -h, --help          show this help

Exit codes: 0 no breaking change (or --allow-breaking), 1 a breaking change or an input
that cannot be read, 2 usage errors.
`;

interface DiffOptions {
  base: string | undefined;
  format: (typeof FORMATS)[number];
  allowBreaking: boolean;
  oldPath: string | undefined;
  newPath: string;
}

type Parsed = { ok: true; options: DiffOptions } | { ok: false; error: string } | { ok: "help" };

const OPTIONS = {
  base: { type: "string", value: "git-ref" },
  format: { type: "string", value: "format" },
  "allow-breaking": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function parse(args: string[]): Parsed {
  const parsed = parseCommandLine(args, OPTIONS);
  if (!parsed.ok) return { ok: false, error: parsed.message };
  const { values, positionals } = parsed;
  if (values.help) return { ok: "help" };
  const format = values.format ?? "human";
  if (!isDiffFormat(format)) {
    return { ok: false, error: `--format must be one of ${FORMATS.join(", ")}, got "${format}"` };
  }
  // Each side is a set of files (a folder, or a git tree): not one stream.
  if (positionals.includes(STDIN_ARG))
    return {
      ok: false,
      error: "- (standard input) is not supported: <old> and <new> must be files or folders",
    };
  const expected = values.base === undefined ? 2 : 1;
  if (positionals.length !== expected) {
    const wanted = expected === 2 ? "<old> and <new>" : "<new> (the old side comes from --base)";
    return { ok: false, error: `expected ${wanted}, got ${positionals.length} path(s)` };
  }
  const typeScript = typeScriptArgument("diff", positionals);
  if (typeScript !== undefined) return { ok: false, error: typeScript };
  return {
    ok: true,
    options: {
      base: values.base,
      format,
      allowBreaking: values["allow-breaking"] === true,
      oldPath: expected === 2 ? positionals[0] : undefined,
      newPath: positionals[expected - 1] as string,
    },
  };
}

/**
 * Finds a change's line in the new files, through the document its CRD came from. The line is
 * that of the last key on the path (`image:`, `enum:`), not of its value: a block value starts
 * on the next line, which for `properties` is a sibling of the field that was removed.
 */
function locator(newCrds: readonly SourcedCrd[], name: (file: string) => string): Locate {
  const byName = new Map(newCrds.map((s) => [crdName(s.crd), s]));
  return (change) => {
    const source = byName.get(change.crd);
    if (!source || change.location === undefined) return undefined;
    const at = [...source.prefix, ...change.location];
    return { file: name(source.document.file), line: positionOf(source.document, at, "key").line };
  };
}

/** How a format names files: GitHub by the path from the repository root, the others as shown. */
function fileNames(format: DiffOptions["format"], cwd: string): (file: string) => string {
  if (format !== "github") return (file) => file;
  const base = annotationBase(cwd);
  return (file) => annotationPath(path.resolve(cwd, file), base);
}

/**
 * Warns about a side with no CRDs (likely a wrong path) and about CRDs defined twice, and notes
 * the scalars kubectl reads otherwise than YAML 1.2.
 */
function warnAboutSide(result: CrdSetResult, shown: string, io: CliIo): void {
  if (!result.ok) return;
  const seen = new Map<string, string>();
  for (const { crd, document } of result.crds) {
    const name = crdName(crd);
    const first = seen.get(name);
    if (first !== undefined) {
      io.stderr.write(
        `crdgen diff: warning: ${name} is defined in ${first} and ${document.file}; using the last\n`,
      );
    }
    seen.set(name, document.file);
  }
  if (result.crds.length === 0) {
    io.stderr.write(
      `crdgen diff: warning: no apiextensions.k8s.io/v1 CustomResourceDefinitions in ${shown}\n`,
    );
  }
  const [first, ...more] = result.kubectlReadings;
  if (first) {
    // Said once a side: it explains changes a reader of the YAML would not expect (`on` -> true).
    const others = more.length > 0 ? ` and ${more.length} more` : "";
    io.stderr.write(
      `crdgen diff: note: compared as kubectl reads ${shown} (YAML 1.1): ${first.file}:${first.line}:${first.column} ${first.source} is ${JSON.stringify(first.value)}${others}; quote such values to keep them strings\n`,
    );
  }
}

/**
 * With --base, a CRD of the new side that the old side lacks may have been in another file at the
 * ref (a file renamed, a folder moved): it is compared with that copy, said on stderr, rather than
 * reported as added, which would let every breaking change made with the move through.
 */
async function addMovedCrds(
  ref: string,
  target: string,
  oldSide: { crds: SourcedCrd[] },
  newCrds: readonly SourcedCrd[],
  oldShown: string,
  io: CliIo,
): Promise<void> {
  const before = new Set(oldSide.crds.map((s) => crdName(s.crd)));
  const missing = [...new Set(newCrds.map((s) => crdName(s.crd)))].filter((name) => !before.has(name));
  for (const { name, source, others } of await findMovedCrds(ref, target, missing)) {
    oldSide.crds.push(source);
    const more = others > 0 ? ` (the nearest of ${others + 1} files that held it)` : "";
    io.stderr.write(
      `crdgen diff: note: ${name} is not in ${oldShown}; compared with ${source.document.file}${more}, where it was\n`,
    );
  }
}

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const parsed = parse(args);
  if (parsed.ok === "help") {
    io.stdout.write(DIFF_USAGE);
    return EXIT_OK;
  }
  if (!parsed.ok) return writeUsageError(io, "crdgen diff", parsed.error, DIFF_USAGE);
  const { options } = parsed;
  const newTarget = path.resolve(io.cwd, options.newPath);
  const newShown = displayPath(newTarget, io.cwd);
  const newSide = await loadCrdsFromPath(newTarget, io.cwd);
  // A path that cannot be read or parsed is an input error (exit 1), as in generate and check.
  if (!newSide.ok) return inputError(io, "crdgen diff", newSide.error);

  let oldSide: CrdSetResult;
  let oldShown: string;
  if (options.base !== undefined) {
    oldShown = `${options.base}:${newShown}`;
    oldSide = await loadCrdsFromGit(options.base, newTarget, newShown);
    // An unknown ref or no repository is about the --base argument (exit 2); a file missing or
    // not parsing at that ref is about the input (exit 1).
    if (!oldSide.ok)
      return oldSide.usage ? usageError(oldSide.error, io) : inputError(io, "crdgen diff", oldSide.error);
    await addMovedCrds(options.base, newTarget, oldSide, newSide.crds, oldShown, io);
  } else {
    const oldTarget = path.resolve(io.cwd, options.oldPath ?? "");
    oldShown = displayPath(oldTarget, io.cwd);
    oldSide = await loadCrdsFromPath(oldTarget, io.cwd);
    if (!oldSide.ok) return inputError(io, "crdgen diff", oldSide.error);
  }
  warnAboutSide(oldSide, oldShown, io);
  warnAboutSide(newSide, newShown, io);

  const changes = diffCrds(
    oldSide.crds.map((s) => s.crd),
    newSide.crds.map((s) => s.crd),
  );
  // Both sides read and compared: what this process compiled is what the next diff needs.
  markRunComplete();
  io.stdout.write(
    formatChanges(options.format, changes, {
      locate: locator(newSide.crds, fileNames(options.format, io.cwd)),
      color: io.color === true,
    }),
  );
  return changes.some((c) => c.breaking) && !options.allowBreaking ? EXIT_ERRORS : EXIT_OK;
}

function usageError(message: string, io: CliIo): number {
  io.stderr.write(`crdgen diff: ${message}\n`);
  return EXIT_USAGE;
}
