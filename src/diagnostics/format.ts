/** Prints diagnostics the way `tsc --pretty false` does, plus a code frame. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Diagnostic } from "./diagnostic.js";

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
    const frame = codeFrame(lines.line(d.location.file, d.location.line), d.location.line, d.location.column);
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

function codeFrame(src: string | undefined, line: number, column: number): string | undefined {
  if (src === undefined) return undefined;
  const gutter = String(line);
  const shown = window(src, column);
  return `${gutter} ${shown.text}\n${" ".repeat(gutter.length)} ${" ".repeat(shown.caret)}~`;
}

/** Widest source line a frame shows whole (minified JSON, a YAML scalar thousands of characters long). */
const FRAME_WIDTH = 120;

/** The part of a long line around `column` (1-based), and where the caret goes in it. */
function window(src: string, column: number): { text: string; caret: number } {
  const at = Math.max(0, column - 1);
  if (src.length <= FRAME_WIDTH) return { text: src, caret: at };
  const start = Math.max(0, Math.min(at - FRAME_WIDTH / 2, src.length - FRAME_WIDTH));
  const end = start + FRAME_WIDTH;
  const before = start > 0 ? "…" : "";
  const after = end < src.length ? "…" : "";
  return { text: before + src.slice(start, end) + after, caret: at - start + before.length };
}
