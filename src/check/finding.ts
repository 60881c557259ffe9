/** One thing `crdgen check` reports, located in a file. */
export type Severity = "error" | "warning";

export interface Finding {
  /** Absolute path. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /**
   * Where the key or value the finding is about ends: the 1-based line and column just past its
   * last character. Absent when the finding points at a place rather than a node (a missing field).
   */
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: string;
  /** Kubernetes field path, or "" when the finding is not about a field. */
  path: string;
  /** Kubernetes error type (FieldValueInvalid, ...) or a kind of file problem (YAMLSyntax, ...). */
  type: string;
  /** The full message (Kubernetes' own text for validation errors). */
  message: string;
  /** What to change, when crdgen knows more than the message says. */
  hint?: string;
}
