/**
 * A GitOps application whose manifests come from one of three kinds of source: a
 * TypeScript discriminated union, lowered to one structural object whose `type` enum
 * lists every member and whose CEL rules tie each `type` to the fields it requires.
 * Run: npx crdgen examples/gitops/types.ts --stdout
 */
import type { int32 } from "../../src/known-types.js";

/** Manifests from a Git repository. */
export interface GitSource {
  type: "git";
  /** Repository URL. @format uri */
  url: string;
  /** Branch, tag or commit; the default branch when unset. */
  revision?: string;
  /** Folder inside the repository. */
  path?: string;
}

/** Manifests packaged as an OCI artifact. */
export interface OciSource {
  type: "oci";
  /** Artifact repository, e.g. ghcr.io/acme/app-manifests. */
  repository: string;
  /** Artifact tag. */
  tag: string;
}

/** A Helm chart from a chart repository. */
export interface HelmSource {
  type: "helm";
  /** Chart repository URL. @format uri */
  repoURL: string;
  chart: string;
  /** Chart version constraint. */
  version?: string;
  /** Values passed to the chart. */
  values?: Record<string, unknown>;
}

/** Where the application's manifests come from. */
export type Source = GitSource | OciSource | HelmSource;

export interface ApplicationSpec {
  source: Source;
  /** Namespace the manifests are applied to. */
  destinationNamespace: string;
  /**
   * Seconds between reconciliations.
   * @minimum 10
   * @default 180
   */
  intervalSeconds?: int32;
  /** Delete resources that are no longer in the source. */
  prune?: boolean;
}

export interface ApplicationStatus {
  /** The revision last applied. */
  lastAppliedRevision?: string;
  health?: "Healthy" | "Progressing" | "Degraded" | "Missing";
}

/**
 * Application keeps a namespace in sync with a source of manifests.
 * @crd
 * @group gitops.example.com
 * @version v1
 * @shortName app
 */
export interface Application {
  spec: ApplicationSpec;
  status?: ApplicationStatus;
}
