/** One thing `crdgen check` reports, located in a file. */
export type Severity = "error" | "warning";

export interface Finding {
  /** Absolute path. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  severity: Severity;
  code: string;
  /** Kubernetes field path, or "" when the finding is not about a field. */
  path: string;
  /** Kubernetes error type (FieldValueInvalid, ...) or a kind of file problem (YAMLSyntax, ...). */
  type: string;
  /** The full message (Kubernetes' own text for validation errors). */
  message: string;
}
