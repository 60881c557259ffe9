/**
 * crdgen's diagnostics as esbuild's own messages: one per problem, located, so that esbuild prints
 * each with its file, line, column and code frame as it prints its own errors, and `result.errors`
 * (or a BuildFailure's) carries each one's `location` for tools that read them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Location, PartialMessage } from "esbuild";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { reportOf } from "./report.js";
import type { PluginOutcome } from "./run.js";

export interface EsbuildMessages {
  errors: PartialMessage[];
  warnings: PartialMessage[];
}

/** With `fail` unset, errors are warnings, as in the other bundlers' watch modes. */
export function esbuildMessages(outcome: PluginOutcome, cwd: string, fail: boolean): EsbuildMessages {
  const { diagnostics, ok } = outcome.result;
  if (outcome.failure !== undefined || diagnostics.length === 0) {
    const report = reportOf(outcome, cwd, fail);
    return {
      errors: report.error !== undefined ? [{ text: report.error }] : [],
      warnings: report.warning !== undefined ? [{ text: report.warning }] : [],
    };
  }
  const lines = new Map<string, string[] | undefined>();
  const errors: PartialMessage[] = [];
  const warnings: PartialMessage[] = [];
  let firstError: PartialMessage | undefined;
  for (const d of diagnostics) {
    const message = messageOf(d, cwd, lines);
    if (d.severity === "error") firstError ??= message;
    (d.severity === "error" && fail ? errors : warnings).push(message);
  }
  // What became of the CRDs, once, under the first error.
  if (!ok && firstError)
    firstError.notes = [
      ...(firstError.notes ?? []),
      { text: fail ? "crdgen wrote no CRD." : "crdgen kept the CRDs on disk." },
    ];
  return { errors, warnings };
}

function messageOf(d: Diagnostic, cwd: string, lines: Map<string, string[] | undefined>): PartialMessage {
  const notes: PartialMessage["notes"] = [];
  if (d.path) notes.push({ text: `at ${d.path}` });
  if (d.hint) notes.push({ text: `hint: ${d.hint}` });
  const location = d.location ? locationOf(d.location, cwd, lines) : undefined;
  return { text: `${d.code}: ${d.message}`, ...(location ? { location } : {}), notes };
}

/**
 * esbuild's location: a 0-based column and a length counted in UTF-8 bytes of the line's text
 * (crdgen's, as TypeScript's, is 1-based in UTF-16 units), a span on one line only.
 */
function locationOf(
  at: NonNullable<Diagnostic["location"]>,
  cwd: string,
  lines: Map<string, string[] | undefined>,
): Partial<Location> {
  const file = shown(at.file, cwd);
  if (!lines.has(at.file)) lines.set(at.file, readLines(at.file));
  const lineText = lines.get(at.file)?.[at.line - 1];
  if (lineText === undefined) return { file, line: at.line, column: at.column - 1 };
  const start = Math.min(at.column - 1, lineText.length);
  const end = at.endLine === at.line && at.endColumn !== undefined ? at.endColumn - 1 : lineText.length;
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");
  return {
    file,
    line: at.line,
    column: bytes(lineText.slice(0, start)),
    length: bytes(lineText.slice(start, Math.max(start, end))),
    lineText,
  };
}

/** As esbuild shows its own files: relative to the working directory, with `/`. */
function shown(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(file, "utf8").split(/\r?\n/);
  } catch {
    return undefined;
  }
}
