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

export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const where = d.location
    ? `${relative(d.location.file, options.cwd)}:${d.location.line}:${d.location.column} - `
    : "";
  const lines = [`${where}${d.severity} ${d.code}: ${d.message}`];
  if (d.path) lines.push(`  at ${d.path}`);
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  if (d.location && options.codeFrame !== false) {
    const frame = codeFrame(d.location.file, d.location.line, d.location.column, options.sources);
    if (frame) lines.push("", frame, "");
  }
  return lines.join("\n");
}

export function formatDiagnostics(ds: readonly Diagnostic[], options: FormatOptions): string {
  return ds.map((d) => formatDiagnostic(d, options)).join("\n") + (ds.length ? "\n" : "");
}

function relative(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}

function codeFrame(
  file: string,
  line: number,
  column: number,
  sources: ReadonlyMap<string, string> | undefined,
): string | undefined {
  let text = sources?.get(file);
  if (text === undefined) {
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  }
  const all = text.split(/\r?\n/);
  const src = all[line - 1];
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
