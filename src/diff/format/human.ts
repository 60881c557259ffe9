/** The default output: an aligned plain-text table, then a one-line summary. */
import type { CrdChange } from "../types.js";
import { plural, summarize } from "./summary.js";

const HEADER = ["IMPACT", "CRD", "VERSION", "KIND", "PATH", "MESSAGE"] as const;
const RED = "\u001b[31m";
const RESET = "\u001b[0m";

export function formatHuman(changes: readonly CrdChange[], color = false): string {
  if (changes.length === 0) return "No API changes.\n";
  const rows = changes.map((c) => [
    c.breaking ? "breaking" : "compatible",
    c.crd,
    c.version ?? "-",
    c.kind,
    c.path,
    c.message,
  ]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[], breaking: boolean): string => {
    const text = cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ");
    return color && breaking ? `${RED}${text}${RESET}` : text;
  };
  const { breaking, crds } = summarize(changes);
  return [
    line(HEADER, false),
    ...rows.map((r, i) => line(r, changes[i]?.breaking === true)),
    "",
    `${plural(changes.length, "change")} in ${plural(crds, "CRD")}, ${breaking} breaking.`,
    "",
  ].join("\n");
}
