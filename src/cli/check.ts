/**
 * `crdgen check <files or globs...>`: validates every CustomResourceDefinition in the given
 * YAML/JSON files the way a Kubernetes 1.36 API server does on create, and custom resources
 * (`--instances`) against those CRDs. Exit 0 when clean, 1 on errors, 2 on usage errors.
 */
import { isNotACustomResource } from "../check/builtin-kinds.js";
import { checkCrd } from "../check/crds.js";
import { distinctCrds, heldCrd, type HeldCrd } from "../check/duplicates.js";
import { expandPatterns, type ExpandResult } from "../check/files.js";
import type { Finding } from "../check/finding.js";
import { checkInstance } from "../check/instances.js";
import { isCrdObject, loadFile, parseFile, type CheckedObject, type LoadedFile } from "../check/load.js";
import { formatGithub, formatHuman, formatJson, REPORT_FORMATS, type ReportFormat } from "../check/report.js";
import { yaml11Findings } from "../check/yaml11.js";
import { annotationBase, annotationPath } from "../diagnostics/workflow-command.js";
import { markRunComplete } from "../runtime/code-cache.js";
import { describeFsError } from "../runtime/fs-error.js";
import { parseCommandLine } from "./args.js";
import { readProcessStdin, STDIN_ARG, STDIN_NAME } from "./stdin.js";
import {
  EXIT_ERRORS,
  EXIT_OK,
  inputError,
  relativeTo,
  unexpectedError,
  usageError as writeUsageError,
  type CliIo,
} from "./io.js";
import { typeScriptArgument } from "./typescript-arguments.js";

const USAGE = `Usage: crdgen check [options] <files, directories or globs...>
       helm template ... | crdgen check [options] -

Validates CustomResourceDefinitions the way a Kubernetes 1.36 API server does on create
(apiextensions.k8s.io/v1, including CEL rules). Warns where YAML 1.1 readers such as kubectl
would read a value differently, and about CRDs too large for client-side kubectl apply.
Other documents are ignored. A file named - is standard input (one YAML/JSON stream).

Options:
      --instances <files or globs>  also validate custom resources against the checked CRDs
                                    (repeatable); with it, non-CRD documents in the checked
                                    files are validated as custom resources too
      --format <fmt>                human (default), json, or github (workflow annotations)
  -h, --help                        show this help

Exit codes: 0 no errors (warnings do not fail), 1 errors or an input that cannot be read,
2 usage errors.
`;

const OPTIONS = {
  instances: { type: "string", multiple: true, value: "files or globs" },
  format: { type: "string", value: "fmt" },
  help: { type: "boolean", short: "h" },
} as const;

function usageError(io: CliIo, message: string): number {
  return writeUsageError(io, "crdgen check", message, USAGE);
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  try {
    return await check(args, io);
  } catch (e) {
    io.stderr.write(unexpectedError("crdgen check", e));
    return EXIT_ERRORS;
  }
}

async function check(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(args, OPTIONS);
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  const format = (values.format ?? "human") as ReportFormat;
  if (!REPORT_FORMATS.includes(format))
    return usageError(io, `--format must be one of ${REPORT_FORMATS.join(", ")}, got "${values.format}"`);
  if (positionals.length === 0) return usageError(io, "no files to check");
  const typeScript = typeScriptArgument("check", positionals);
  if (typeScript !== undefined) return usageError(io, typeScript);

  const crdFiles = await expandArguments(positionals, io.cwd);
  if (!crdFiles.ok) return inputError(io, "crdgen check", crdFiles.message);
  const instancePatterns = values.instances ?? [];
  const instanceFiles = await expandArguments(instancePatterns, io.cwd);
  if (!instanceFiles.ok) return inputError(io, "crdgen check", instanceFiles.message);

  const findings: Finding[] = [];
  const crds: HeldCrd[] = [];
  const instances: CheckedObject[] = [];
  const checkInstances = instancePatterns.length > 0;
  const instanceFileSet = new Set(instanceFiles.files);
  /**
   * Each file is checked as soon as it is read, and only its text stays: a CRD's values are
   * garbage once checked, unless custom resources will be checked against it. Holding every
   * file's values to the end kept them alive through every collection (30 MB of peak memory).
   */
  const checkFile = (file: LoadedFile): void => {
    findings.push(...file.findings, ...yaml11Findings(file));
    file.objects.forEach((obj, i) => {
      if (isCrdObject(obj.value)) {
        findings.push(...checkCrd(obj));
        crds.push(heldCrd(obj, checkInstances ? () => obj : rereadLater(file.file, file.text, i)));
      } else if (checkInstances && (instanceFileSet.has(obj.file) || crdFiles.files.includes(obj.file))) {
        instances.push(obj);
      }
    });
  };

  const texts = new Map<string, string>();
  for (const file of [...crdFiles.files, ...instanceFiles.files]) {
    if (texts.has(file)) continue;
    if (file === STDIN_NAME) {
      let text: string;
      try {
        text = await (io.readStdin ?? readProcessStdin)();
      } catch (e) {
        return inputError(io, "crdgen check", `cannot read ${STDIN_NAME}: ${describeFsError(e)}`);
      }
      texts.set(file, text);
      checkFile(parseFile(file, text));
      continue;
    }
    const result = loadFile(file, relativeTo(io.cwd, file));
    if (!result.ok) return inputError(io, "crdgen check", result.message);
    texts.set(file, result.loaded.text);
    checkFile(result.loaded);
  }

  // Something was checked: what this process compiled is what the next check needs (code-cache.ts).
  if (crds.length > 0 || instances.length > 0) markRunComplete();
  const distinct = distinctCrds(crds, (file) => relativeTo(io.cwd, file));
  findings.push(...distinct.findings);
  const skipped: string[] = [];
  const instanceCrds = checkInstances ? distinct.crds.map((crd) => crd.object()) : [];
  for (const instance of instances) {
    const instanceFindings = checkInstance(instance, instanceCrds);
    // Kubernetes' own kinds and kustomize's files are no CRD's: counted, not reported.
    if (instanceFindings.some((f) => f.type === "NoMatchingCRD") && isNotACustomResource(instance))
      skipped.push(kindOf(instance.value));
    else findings.push(...instanceFindings);
  }
  findings.sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );

  if (format === "json") io.stdout.write(formatJson(findings, io.cwd));
  else if (format === "github") {
    // GitHub places annotations by paths from the repository root; the formatter keeps relative names.
    const base = annotationBase(io.cwd);
    const placed = findings.map((f) => ({ ...f, file: annotationPath(f.file, base) }));
    io.stdout.write(formatGithub(placed, io.cwd));
  } else
    io.stdout.write(
      formatHuman(findings, texts, io.cwd, {
        files: texts.size,
        crds: crds.length,
        instances: instances.length - skipped.length,
        skipped,
      }),
    );
  // A gate that checked nothing passes: say so, for the wrong path or the empty stream it likely is.
  if (crds.length === 0 && !checkInstances) io.stderr.write(noCrdsWarning(texts.has(STDIN_NAME)));
  return findings.some((f) => f.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}

/**
 * The `index`th object of a file, read again from its text when asked (a CRD given twice needs
 * it). A function of its own so that the closure holds the text alone, not the file's values.
 */
function rereadLater(file: string, text: string, index: number): () => CheckedObject {
  return () => {
    const again = parseFile(file, text).objects[index];
    if (!again) throw new Error(`object ${index} of ${file} is missing when read again`);
    return again;
  };
}

function noCrdsWarning(stdin: boolean): string {
  // `helm template` renders templates/ only: a chart's crds/ folder needs --include-crds.
  const helm = stdin ? "; `helm template` leaves out a chart's crds/ folder unless given --include-crds" : "";
  return `crdgen check: warning: the checked files hold no CustomResourceDefinition, so nothing was validated${helm}\n`;
}

function kindOf(value: unknown): string {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof kind === "string" ? kind : "Kustomization";
}

/** Files of the arguments, with `-` (read once, however often given) as `<stdin>`. */
async function expandArguments(args: readonly string[], cwd: string): Promise<ExpandResult> {
  const patterns = args.filter((a) => a !== STDIN_ARG);
  const expanded: ExpandResult =
    patterns.length > 0 ? await expandPatterns(patterns, cwd) : { ok: true, files: [] };
  if (!expanded.ok || patterns.length === args.length) return expanded;
  return { ok: true, files: [STDIN_NAME, ...expanded.files] };
}
