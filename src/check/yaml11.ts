/**
 * Warnings for scalars that kubectl (a YAML 1.1 reader) reads differently from crdgen, and errors
 * for those it cannot send at all (`.inf`).
 */
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";
import { isReadAsJson } from "./json-files.js";
import type { LoadedFile } from "./load.js";

export function yaml11Findings(loaded: LoadedFile): Finding[] {
  // kubectl reads a file starting with `{` as JSON (json-files.ts): how YAML 1.1 reads it is beside the point.
  if (isReadAsJson(loaded.text)) return [];
  return loaded.yaml11Differences().map((diff): Finding => ({
    file: loaded.file,
    line: diff.line,
    column: diff.column,
    ...(diff.endLine === undefined ? {} : { endLine: diff.endLine, endColumn: diff.endColumn }),
    ...(diff.unsendable
      ? { severity: "error", code: codes.yamlSyntax, type: "YAMLSyntax" }
      : { severity: "warning", code: codes.yaml11Ambiguity, type: "YAML11Ambiguity" }),
    path: "",
    message: diff.message,
    ...(diff.hint === undefined ? {} : { hint: diff.hint }),
  }));
}
