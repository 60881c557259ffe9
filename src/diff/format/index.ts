/** The output formats of `crdgen diff`, by the name `--format` takes. */
import type { CrdChange } from "../types.js";
import { formatGithub } from "./github.js";
import { formatHuman } from "./human.js";
import { formatJson } from "./json.js";
import { formatMarkdown } from "./markdown.js";
import type { Locate } from "./source-location.js";

export const FORMATS = ["human", "json", "markdown", "github"] as const;
export type DiffFormat = (typeof FORMATS)[number];

export function isDiffFormat(value: string): value is DiffFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export interface FormatOptions {
  locate: Locate;
  color: boolean;
}

export function formatChanges(
  format: DiffFormat,
  changes: readonly CrdChange[],
  options: FormatOptions,
): string {
  switch (format) {
    case "human":
      return formatHuman(changes, options.color);
    case "json":
      return formatJson(changes, options.locate);
    case "markdown":
      return formatMarkdown(changes);
    case "github":
      return formatGithub(changes, options.locate);
  }
}
