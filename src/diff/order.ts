/**
 * The one order changes are reported in: by CRD, version (CRD-level first), path,
 * kind and message. Plain code-unit comparison, so the order never depends on locale
 * or on the order of keys in the input files.
 */
import type { CrdChange } from "./types.js";

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareChanges(a: CrdChange, b: CrdChange): number {
  return (
    compareText(a.crd, b.crd) ||
    compareText(a.version ?? "", b.version ?? "") ||
    compareText(a.path, b.path) ||
    compareText(a.kind, b.kind) ||
    compareText(a.message, b.message)
  );
}

/** Breaking changes first, each group in the standard order. */
export function breakingFirst(changes: readonly CrdChange[]): CrdChange[] {
  return [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)];
}
