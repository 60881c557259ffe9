/** Warnings for scalars that kubectl (a YAML 1.1 reader) reads differently from crdgen. */
import { yaml11Differences } from "../yaml/yaml11.js";
import { checkCodes } from "./codes.js";
import type { Finding } from "./finding.js";
import type { LoadedFile } from "./load.js";

export function yaml11Findings(loaded: LoadedFile): Finding[] {
  return loaded.documents.flatMap((d) =>
    yaml11Differences(d.doc, d.lineCounter).map((diff): Finding => ({
      file: loaded.file,
      line: diff.line,
      column: diff.column,
      severity: "warning",
      code: checkCodes.yaml11Ambiguity,
      path: "",
      type: "YAML11Ambiguity",
      message: diff.message,
    })),
  );
}
