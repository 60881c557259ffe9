/**
 * A located, user-facing problem. Every stage reports these instead of throwing,
 * so the CLI can print them like TypeScript does and exit non-zero without a stack trace.
 */

export interface SourceLocation {
  /** Absolute path of the file. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /**
   * Where the span of source the location covers ends (a tag with its text, a property's name, a
   * YAML value), as ESLint and SARIF give it: the 1-based line and column just past its last
   * character. Absent when the location is a point. Both are set, or neither.
   */
  endLine?: number;
  /** See `endLine`. */
  endColumn?: number;
}

/**
 * A plain copy of a location for a diagnostic: IR origins are worked out when first read
 * (read/location.ts), and what crdgen reports should be data that survives spreading and
 * structured cloning.
 */
export function plainLocation(location: SourceLocation): SourceLocation;
export function plainLocation(location: SourceLocation | undefined): SourceLocation | undefined;
export function plainLocation(location: SourceLocation | undefined): SourceLocation | undefined {
  if (!location) return undefined;
  const { file, line, column, endLine, endColumn } = location;
  return endLine === undefined || endColumn === undefined
    ? { file, line, column }
    : { file, line, column, endLine, endColumn };
}

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Stable code such as `CRD1003`; see codes.ts. */
  code: string;
  message: string;
  location?: SourceLocation;
  /** Property path inside the CRD, e.g. `CronJob.spec.jobTemplate`. */
  path?: string;
  /** What to write instead, when we know. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
