/** What a rule reports; the engine adds the CRD (and version) it was found in. */
import type { FieldPath } from "./field-path.js";
import type { ChangeKind } from "./types.js";

export interface Finding {
  kind: ChangeKind;
  breaking: boolean;
  at: FieldPath;
  message: string;
  old?: unknown;
  new?: unknown;
  /** Overrides the version the finding is attributed to (CRD-level rules about one version). */
  version?: string;
}

export type Report = (finding: Finding) => void;
