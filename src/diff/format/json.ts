/** `--format json`: a summary and every change, with its new-file line where known. */
import type { CrdChange } from "../types.js";
import type { Locate } from "./source-location.js";
import { summarize } from "./summary.js";

export function formatJson(changes: readonly CrdChange[], locate: Locate): string {
  const output = {
    summary: summarize(changes),
    changes: changes.map((change) => ({ ...change, ...locate(change) })),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
