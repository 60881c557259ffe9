/** Warnings for scalars that kubectl (a YAML 1.1 reader) reads differently from crdgen. */
import { yaml11Differences, yaml11Reading } from "../yaml/yaml11.js";
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";
import type { LoadedFile } from "./load.js";

/**
 * A token that could be a whole single-line plain scalar: after a line's indentation, an
 * indicator (`- `, `? `, `: `, `[`, `{`, `,`, `"key":`) and node properties (`!tag `, `&anchor `),
 * and before the end of the line, a comment, a flow indicator or a `: `; made of the characters
 * YAML 1.1 numbers use (with a `_`, a `:` before a digit, or a leading `0`) or one of its boolean
 * words. A `:` not followed by a digit ends the token: it is a key's value indicator.
 */
const CANDIDATE =
  /(?:^[ \t]*|[-?:][ \t]+|["']:[ \t]*|[[{,][ \t]*)(?:[!&]\S*[ \t]+)*([-+]?(?:0[0-7b_]|[0-9._]*(?:_|:[0-9]))(?:[0-9_.eE+-]|:[0-9])*|[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)(?=[ \t\r]*(?:$|#|[,\]}]|:(?:[ \t\r,\]}]|$)))/gm;

/**
 * Whether `text` may hold a scalar YAML 1.1 reads differently: every one that
 * `yaml11Differences` reports appears in the text as such a token (or is a `<<` key). Most
 * files have none, and are then not walked node by node.
 */
export function mayHaveYaml11Differences(text: string): boolean {
  if (text.includes("<<")) return true;
  for (const m of text.matchAll(CANDIDATE)) if (yaml11Reading(m[1] ?? "") !== undefined) return true;
  return false;
}

export function yaml11Findings(loaded: LoadedFile): Finding[] {
  if (!mayHaveYaml11Differences(loaded.text)) return [];
  return loaded.documents.flatMap((d) =>
    yaml11Differences(d.doc, d.lineCounter).map((diff): Finding => ({
      file: loaded.file,
      line: diff.line,
      column: diff.column,
      severity: "warning",
      code: codes.yaml11Ambiguity,
      path: "",
      type: "YAML11Ambiguity",
      message: diff.message,
    })),
  );
}
