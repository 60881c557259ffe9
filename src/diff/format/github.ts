/**
 * `--format github`: GitHub Actions workflow commands. Breaking changes become
 * `::error`, the others `::notice`, each pointing at the new file's line when known.
 */
import type { CrdChange } from "../types.js";
import type { Locate } from "./source-location.js";

/** Escaping rules of workflow commands: data escapes %, CR and LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(changes: readonly CrdChange[], locate: Locate): string {
  return changes
    .map((change) => {
      const where = locate(change);
      const properties = [
        ...(where ? [`file=${escapeProperty(where.file)}`, `line=${where.line}`] : []),
        `title=${escapeProperty(`${change.breaking ? "Breaking" : "API"} change: ${change.kind}`)}`,
      ].join(",");
      const subject = [change.crd, change.version, change.path].filter((s) => s !== undefined).join(" ");
      return `::${change.breaking ? "error" : "notice"} ${properties}::${escapeData(`${subject}: ${change.message}`)}\n`;
    })
    .join("");
}
