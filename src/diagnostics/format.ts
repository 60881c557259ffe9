/**
 * Prints diagnostics the way `tsc --pretty false` does, plus a code frame that underlines the
 * span of source a location covers as `tsc --pretty` does (each line of it; of a span of five
 * lines or more, the first two and the last two).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic, SourceLocation } from "./diagnostic.js";

export interface FormatOptions {
  cwd: string;
  /** Source text by absolute file, to avoid re-reading (and to frame in-memory files). */
  sources?: ReadonlyMap<string, string>;
  codeFrame?: boolean;
}

/** One diagnostic as the command line prints it. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  return formatWith(d, options, new SourceLines(options.sources));
}

export function formatDiagnostics(ds: readonly Diagnostic[], options: FormatOptions): string {
  const lines = new SourceLines(options.sources);
  return ds.map((d) => formatWith(d, options, lines)).join("\n") + (ds.length ? "\n" : "");
}

/** `lines` (one per formatDiagnostics call) reads each file once, whatever the number of frames in it. */
function formatWith(d: Diagnostic, options: FormatOptions, lines: SourceLines): string {
  const where = d.location
    ? `${relative(d.location.file, options.cwd)}:${d.location.line}:${d.location.column} - `
    : "";
  const out = [`${where}${d.severity} ${d.code}: ${d.message}`];
  if (d.path) out.push(`  at ${d.path}`);
  if (d.hint) out.push(`  hint: ${d.hint}`);
  if (d.location && options.codeFrame !== false) {
    const frame = codeFrame(d.location, lines);
    if (frame) out.push("", frame, "");
  }
  return out.join("\n");
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

/**
 * Source lines by number, each file read and indexed once: splitting the whole text for every
 * frame made a report quadratic (240 findings in a 1.5-million-line file took a minute).
 */
class SourceLines {
  private readonly files = new Map<string, { text: string; starts: number[] } | undefined>();

  constructor(private readonly sources: ReadonlyMap<string, string> | undefined) {}

  /** Line `line` (1-based) of `file` without its line break; undefined when there is none. */
  line(file: string, line: number): string | undefined {
    let indexed = this.files.get(file);
    if (!this.files.has(file)) {
      const text = this.read(file);
      indexed = text === undefined ? undefined : { text, starts: lineStarts(text) };
      this.files.set(file, indexed);
    }
    if (!indexed || line < 1 || line > indexed.starts.length) return undefined;
    const start = indexed.starts[line - 1]!;
    const next = indexed.starts[line];
    const end = next === undefined ? indexed.text.length : next - 1;
    return indexed.text.slice(start, indexed.text[end - 1] === "\r" && next !== undefined ? end - 1 : end);
  }

  private read(file: string): string | undefined {
    const known = this.sources?.get(file);
    if (known !== undefined) return known;
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The frame of `at`: its lines, each with `~` under the part of the span on it (a `~` under a point). */
function codeFrame(at: SourceLocation, lines: SourceLines): string | undefined {
  const first = at.line;
  const end = spanEnd(at);
  const last = end?.line ?? first;
  const elided = last - first >= 4;
  const shown = elided ? [first, first + 1, ELIDED, last - 1, last] : range(first, last);
  const gutter = Math.max(String(last).length, elided ? ELLIPSIS.length : 0);
  const out: string[] = [];
  for (const n of shown) {
    if (n === ELIDED) {
      out.push(ELLIPSIS.padStart(gutter));
      continue;
    }
    const src = lines.line(at.file, n);
    if (src === undefined) {
      if (n === first) return undefined;
      break;
    }
    // As tsc: trailing blanks cut, a tab shown as one space (a column counts it as one character).
    const text = src.replace(/\t/g, " ").trimEnd();
    const from = n === first ? at.column - 1 : 0;
    const to = n === last && end ? end.column : n === last ? from : text.length;
    const view = window(text, from);
    const start = view.show(from);
    const underline = Math.max(view.show(Math.min(to, text.length)) - start, n === first ? 1 : 0);
    out.push(`${String(n).padStart(gutter)} ${view.text}`);
    out.push(`${" ".repeat(gutter)} ${" ".repeat(start)}${"~".repeat(underline)}`.trimEnd());
  }
  return out.join("\n");
}

const ELIDED = -1;
const ELLIPSIS = "...";

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * Where the span of `at` ends (0-based column past its last character), when it has one. A span
 * ending at a line's start ends with the line before it, as far as the frame shows.
 */
function spanEnd(at: SourceLocation): { line: number; column: number } | undefined {
  const { endLine, endColumn } = at;
  if (endLine === undefined || endColumn === undefined) return undefined;
  if (endLine < at.line || (endLine === at.line && endColumn <= at.column)) return undefined;
  if (endColumn === 1 && endLine > at.line) return { line: endLine - 1, column: Number.MAX_SAFE_INTEGER };
  return { line: endLine, column: endColumn - 1 };
}

/** Widest source line a frame shows whole (minified JSON, a YAML scalar thousands of characters long). */
const FRAME_WIDTH = 120;

/**
 * The part of a long line around `column` (0-based) that a frame shows, and `show`, which maps
 * a column of the line to where it is shown (a column outside the part to the part's edge).
 */
function window(src: string, at: number): { text: string; show: (column: number) => number } {
  if (src.length <= FRAME_WIDTH) return { text: src, show: (column) => column };
  const start = Math.max(0, Math.min(at - FRAME_WIDTH / 2, src.length - FRAME_WIDTH));
  const end = start + FRAME_WIDTH;
  const before = start > 0 ? "…" : "";
  const after = end < src.length ? "…" : "";
  return {
    text: before + src.slice(start, end) + after,
    show: (column) => Math.min(Math.max(column, start), end) - start + before.length,
  };
}
