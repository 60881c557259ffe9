/**
 * A database cluster operator's API: a PostgreSQL cluster with storage, backups and
 * replication settings, and the status the operator reports.
 * Run: npx crdgen examples/database/types.ts --stdout
 */
import type { int32, int64 } from "../../src/known-types.js";

/**
 * A Kubernetes resource quantity such as "10Gi".
 * @pattern ^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$
 */
export type Quantity = string;

export interface StorageSpec {
  /** Size of each instance's volume. */
  size: Quantity;
  /** StorageClass to provision volumes from; the cluster default when unset. */
  storageClassName?: string;
}

/** When and where to take backups. */
export interface BackupSpec {
  /**
   * Cron schedule of base backups.
   * @default "0 0 * * *"
   */
  schedule?: string;
  // Template literal types: the schema gets a pattern of their text, so other schemes are refused.
  /** Object-store bucket URL, e.g. s3://backups/db. @format uri */
  destination: `s3://${string}` | `gs://${string}`;
  /**
   * Days to keep backups.
   * @minimum 1
   * @maximum 365
   */
  retentionDays?: int32;
}

export type SyncMode = "async" | "sync" | "quorum";

export interface ResourceRequirements {
  /** Guaranteed resources, by name (cpu, memory). */
  requests?: Record<string, Quantity>;
  /** Maximum resources, by name. */
  limits?: Record<string, Quantity>;
}

export interface DatabaseClusterSpec {
  /**
   * PostgreSQL major version.
   * @minimum 13
   * @maximum 17
   */
  postgresVersion: int32;
  /**
   * Number of instances: one primary, the rest replicas.
   * @minimum 1
   * @maximum 9
   * @default 3
   */
  instances?: int32;
  storage: StorageSpec;
  resources?: ResourceRequirements;
  /** Replication mode between primary and replicas. */
  syncMode?: SyncMode;
  /** Backups; none are taken when unset. */
  backup?: BackupSpec | null;
  /** Server parameters written to postgresql.conf. */
  parameters?: Record<string, string>;
  /** Extensions to install in every database. @maxItems 32 */
  extensions?: readonly string[];
}

export type Phase = "Pending" | "Provisioning" | "Ready" | "Degraded" | "Failed";

export interface Condition {
  /** Condition type, e.g. Ready. @maxLength 316 */
  type: string;
  status: "True" | "False" | "Unknown";
  /** Last time the condition changed. */
  lastTransitionTime: Date;
  reason?: string;
  message?: string;
  /** The generation the condition was computed for. @minimum 0 */
  observedGeneration?: int64;
}

export interface DatabaseClusterStatus {
  phase?: Phase;
  /** Pod name of the current primary. */
  primary?: string;
  readyInstances?: int32;
  conditions?: Condition[];
  /** Time of the last successful backup. */
  lastBackupTime?: Date | null;
}

/**
 * DatabaseCluster is a highly available PostgreSQL cluster.
 * @crd
 * @group db.example.com
 * @version v1
 * @shortName dbc
 * @category databases
 */
export interface DatabaseCluster {
  spec: DatabaseClusterSpec;
  status?: DatabaseClusterStatus;
}
