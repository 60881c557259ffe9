/** `--format markdown`: a pull-request comment, summary line then a table, breaking first. */
import { breakingFirst } from "../order.js";
import type { CrdChange } from "../types.js";
import { plural, summarize } from "./summary.js";

/** Table cells cannot hold raw pipes or line breaks. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/**
 * Free text in a cell: messages quote user text (patterns, CEL rules, enum values), where
 * `*`, `_` or `<b>` would turn into emphasis or HTML and `<script>` would vanish. A backslash
 * makes any ASCII punctuation literal in CommonMark.
 */
function prose(value: string): string {
  return cell(value.replace(/[\\`*_[\]<>~&#!]/g, "\\$&"));
}

/** A code span; text holding a backtick needs a double-backtick fence padded with spaces. */
function code(text: string): string {
  return cell(text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``);
}

export function formatMarkdown(changes: readonly CrdChange[]): string {
  const { breaking, crds } = summarize(changes);
  if (changes.length === 0) return "**crdgen diff:** no API changes.\n";
  const verdict =
    breaking > 0
      ? `:x: **${plural(breaking, "breaking change")}**`
      : ":white_check_mark: no breaking changes";
  const lines = [
    `**crdgen diff:** ${verdict}, ${plural(changes.length, "change")} in total across ${plural(crds, "CRD")}.`,
    "",
    "| Impact | CRD | Version | Change | Path | Details |",
    "| --- | --- | --- | --- | --- | --- |",
    ...breakingFirst(changes).map((c) =>
      [
        "",
        c.breaking ? "**breaking**" : "compatible",
        code(c.crd),
        c.version === undefined ? "" : code(c.version),
        code(c.kind),
        code(c.path),
        prose(c.message),
        "",
      ]
        .join(" | ")
        .trim(),
    ),
  ];
  return `${lines.join("\n")}\n`;
}
