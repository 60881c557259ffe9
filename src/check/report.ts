/** Prints findings as text (with code frames), JSON, or GitHub Actions workflow commands. */
import { workflowCommand } from "../diagnostics/workflow-command.js";
import path from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostics } from "../diagnostics/format.js";
import type { Finding } from "./finding.js";

export type ReportFormat = "human" | "json" | "github";
export const REPORT_FORMATS: readonly ReportFormat[] = ["human", "json", "github"];

function relative(file: string, cwd: string): string {
  // Not a path: `<stdin>`.
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

/** Go dumps of whole schemas make messages unreadable in a terminal; keep their start and end. */
export function shortenMessage(message: string, max = 400): string {
  if (message.length <= max) return message;
  return message.replace(
    /(: Invalid value: )([[{].*[\]}])(: )/s,
    (_, before: string, value: string, after: string) =>
      value.length > 120
        ? `${before}${value.slice(0, 100)}…${value.slice(-1)}${after}`
        : `${before}${value}${after}`,
  );
}

export interface CheckedCounts {
  files: number;
  crds: number;
  instances: number;
  /** Kinds of the objects skipped as not custom resources (a Deployment, a Kustomization), one per object. */
  skipped?: readonly string[];
}

export function formatHuman(
  findings: readonly Finding[],
  sources: ReadonlyMap<string, string>,
  cwd: string,
  counts: CheckedCounts,
): string {
  const diagnostics: Diagnostic[] = findings.map((f) => ({
    severity: f.severity,
    code: f.code,
    message: shortenMessage(f.message),
    ...(f.hint ? { hint: f.hint } : {}),
    location: { file: f.file, line: f.line, column: f.column, ...span(f) },
  }));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const checked = [
    plural(counts.crds, "CRD"),
    ...(counts.instances > 0 ? [plural(counts.instances, "custom resource")] : []),
  ].join(" and ");
  const skippedKinds = [...new Set(counts.skipped ?? [])].sort();
  const skipped = counts.skipped?.length
    ? `; skipped ${plural(counts.skipped.length, "object")} that no CRD defines, of Kubernetes' own kinds or kustomize's: ${skippedKinds.join(", ")}`
    : "";
  const summary = `${plural(errors, "error")}, ${plural(warnings, "warning")} (checked ${checked} in ${plural(counts.files, "file")}${skipped})\n`;
  return formatDiagnostics(diagnostics, { cwd, sources }) + summary;
}

export function formatJson(findings: readonly Finding[], cwd: string): string {
  const rows = findings.map((f) => ({
    file: relative(f.file, cwd),
    line: f.line,
    column: f.column,
    ...span(f),
    severity: f.severity,
    code: f.code,
    path: f.path,
    type: f.type,
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
  }));
  return JSON.stringify(rows, null, 2) + "\n";
}

/** The end of a finding's span, when it has one. */
function span(f: Finding): { endLine: number; endColumn: number } | Record<string, never> {
  return f.endLine === undefined || f.endColumn === undefined
    ? {}
    : { endLine: f.endLine, endColumn: f.endColumn };
}

/**
 * Where an annotation goes. GitHub takes `endLine`, and `col` with an `endColumn` that is the
 * span's last column (inclusive), but columns only on one line: an annotation over several
 * lines gives its lines alone.
 */
function annotationRange(f: Finding): Array<readonly [string, number]> {
  const { endLine, endColumn } = span(f);
  if (endLine === undefined || endColumn === undefined)
    return [
      ["line", f.line],
      ["col", f.column],
    ];
  if (endLine !== f.line) {
    // A span that ends at a line's start ends on the line before it.
    const last = endColumn === 1 ? endLine - 1 : endLine;
    if (last !== f.line)
      return [
        ["line", f.line],
        ["endLine", last],
      ];
    return [
      ["line", f.line],
      ["col", f.column],
    ];
  }
  return [
    ["line", f.line],
    ["endLine", endLine],
    ["col", f.column],
    ["endColumn", endColumn - 1],
  ];
}

export function formatGithub(findings: readonly Finding[], cwd: string): string {
  return findings
    .map((f) =>
      workflowCommand(
        f.severity,
        [
          ["file", relative(f.file, cwd)],
          ...annotationRange(f),
          // The annotation's heading: the code to look up, as `crdgen diff` titles its kind.
          ["title", f.code],
        ],
        // An annotation has no place for a hint: it is the message's last line.
        f.hint ? `${f.message}\nhint: ${f.hint}` : f.message,
      ),
    )
    .join("");
}
