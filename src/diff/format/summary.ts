/** Counting shared by every output format. */
import type { CrdChange } from "../types.js";

export interface DiffSummary {
  changes: number;
  breaking: number;
  crds: number;
}

export function summarize(changes: readonly CrdChange[]): DiffSummary {
  return {
    changes: changes.length,
    breaking: changes.filter((c) => c.breaking).length,
    crds: new Set(changes.map((c) => c.crd)).size,
  };
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
