/**
 * `--format github`: GitHub Actions workflow commands. Breaking changes become
 * `::error`, the others `::notice`, each pointing at the new file's line when known.
 */
import type { CrdChange } from "../types.js";
import type { Locate } from "./source-location.js";
import { workflowCommand } from "../../diagnostics/workflow-command.js";

export function formatGithub(changes: readonly CrdChange[], locate: Locate): string {
  return changes
    .map((change) => {
      const where = locate(change);
      const subject = [change.crd, change.version, change.path].filter((s) => s !== undefined).join(" ");
      return workflowCommand(
        change.breaking ? "error" : "notice",
        [
          ...(where
            ? ([
                ["file", where.file],
                ["line", where.line],
              ] as const)
            : []),
          ["title", `${change.breaking ? "Breaking" : "API"} change: ${change.kind}`],
        ],
        `${subject}: ${change.message}`,
      );
    })
    .join("");
}
