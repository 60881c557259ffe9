/**
 * `--format markdown`: a pull-request comment, summary line then a table, breaking first. GitHub
 * refuses a comment longer than 65,536 characters (and the whole comment with it), so the table
 * stops short of that, breaking rows kept first, and says how many it left out.
 */
import { breakingFirst } from "../order.js";
import type { CrdChange } from "../types.js";
import { plural, summarize } from "./summary.js";

/** Below GitHub's 65,536, leaving room for what the step posting the comment adds (a title, a marker). */
export const MAX_COMMENT_LENGTH = 60_000;
/** A message quoting a long value (an enum of hundreds, a large default) is cut to this many characters. */
const MAX_DETAILS = 1_000;

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

/** `text` cut to `max` characters (whole code points), with an ellipsis when cut. */
function shorten(text: string, max: number): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

function row(c: CrdChange): string {
  return [
    "",
    c.breaking ? "**breaking**" : "compatible",
    code(c.crd),
    c.version === undefined ? "" : code(c.version),
    code(c.kind),
    code(c.path),
    prose(shorten(c.message, MAX_DETAILS)),
    "",
  ]
    .join(" | ")
    .trim();
}

/** The line that ends a table cut short. */
function leftOut(rest: readonly CrdChange[]): string {
  const breaking = rest.filter((c) => c.breaking).length;
  const which = breaking > 0 ? ` (${breaking} of them breaking)` : "";
  return `_${plural(rest.length, "more change")}${which} not shown, to keep this comment within GitHub's size limit; \`crdgen diff\` lists them all._`;
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
  ];
  const ordered = breakingFirst(changes);
  // Room for the closing line, whatever its counts: rows are added while they and it still fit.
  const reserve = leftOut(ordered).length + 2;
  let length = lines.join("\n").length + 1;
  for (const [i, change] of ordered.entries()) {
    const next = row(change);
    const last = i === ordered.length - 1;
    if (length + next.length + 1 + (last ? 0 : reserve) > MAX_COMMENT_LENGTH) {
      lines.push("", leftOut(ordered.slice(i)));
      break;
    }
    lines.push(next);
    length += next.length + 1;
  }
  return `${lines.join("\n")}\n`;
}
