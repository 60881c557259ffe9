/**
 * A GitOps application whose manifests come from one of three kinds of source: a
 * TypeScript discriminated union, lowered to one structural object whose `type` enum
 * lists every member and whose CEL rules tie each `type` to the fields it requires.
 * Credentials are an exclusive union (`?: never`), and status conditions instantiate a
 * generic `Condition<T>`.
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

/** A key of a Secret in the application's namespace. */
export interface SecretKeyRef {
  name: string;
  key: string;
}

// `?: never` makes the union exclusive, as the schema's `oneOf` does.
/** How to authenticate to the source: a Secret or a mounted token file, never both. */
export type Credentials =
  { secretRef: SecretKeyRef; tokenFile?: never } | { tokenFile: string; secretRef?: never };

// Generic in its `type`: each instantiation keeps this description and its fields' tags.
/** The latest observation of one aspect of the application's state. */
export interface Condition<T extends string> {
  type: T;
  status: "True" | "False" | "Unknown";
  /** When the status last changed. */
  lastTransitionTime?: Date;
  /** Why, for humans. @maxLength 1024 */
  message?: string;
}

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
  credentials?: Credentials;
}

export interface ApplicationStatus {
  /** The revision last applied. */
  lastAppliedRevision?: string;
  health?: "Healthy" | "Progressing" | "Degraded" | "Missing";
  /** @listType map @listMapKey type */
  conditions?: Condition<"Synced" | "Ready">[];
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
