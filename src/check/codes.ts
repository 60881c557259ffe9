/**
 * Diagnostic codes `crdgen check` prints. CRD2001 and CRD4001 are the shared ones from
 * src/diagnostics/codes.ts; the others are specific to checking files.
 */
import { codes } from "../diagnostics/codes.js";

export const checkCodes = {
  /** A CRD the API server would reject. */
  invalidCrd: codes.invalidCrd,
  /** A scalar YAML 1.1 readers (kubectl) read differently from YAML 1.2. */
  yaml11Ambiguity: "CRD2002",
  /** A custom resource its CRD would reject. */
  invalidInstance: "CRD2003",
  /** A custom resource the API server accepts with a warning. */
  instanceWarning: "CRD2004",
  /** A custom resource whose apiVersion/kind no checked CRD defines. */
  noMatchingCrd: "CRD2005",
  /** A file that is not valid YAML. */
  yamlSyntax: "CRD2006",
  fileNotFound: codes.fileNotFound,
} as const;
