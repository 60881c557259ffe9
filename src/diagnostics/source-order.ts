/**
 * Diagnostics in the order a reader of the files meets their causes, as `tsc` lists its errors.
 * crdgen reads types depth-first from each root, so the types a field refers to are reported
 * before the field's own tags: a Go file pasted whole reported its markers in a jumbled order.
 */
import type { Diagnostic } from "./diagnostic.js";

/**
 * `diagnostics` by file (in the order each file was first reported, so a root's file comes
 * first), then by line and column; the same place keeps the order reported. Diagnostics without
 * a location follow, in the order reported.
 */
export function inSourceOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  const unplaced: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.location) {
      unplaced.push(d);
      continue;
    }
    const inFile = byFile.get(d.location.file);
    if (inFile) inFile.push(d);
    else byFile.set(d.location.file, [d]);
  }
  // Array.prototype.sort is stable, which keeps the reported order at one place.
  const placed = [...byFile.values()].flatMap((inFile) =>
    inFile.sort((a, b) => a.location!.line - b.location!.line || a.location!.column - b.location!.column),
  );
  return [...placed, ...unplaced];
}

/** Puts `diagnostics` from index `from` on in source order (inSourceOrder), in place. */
export function sortInSourceOrder(diagnostics: Diagnostic[], from: number): void {
  const sorted = inSourceOrder(diagnostics.slice(from));
  diagnostics.length = from;
  for (const d of sorted) diagnostics.push(d);
}
