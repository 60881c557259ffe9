/**
 * The stable Backup API. Three versions (v1alpha1, v1beta1, v1) from three modules become one
 * CRD; v1 is stored, versions are listed as Kubernetes orders them.
 * Run: npx crdgen examples/multiversion/v1.ts examples/multiversion/v1beta1.ts examples/multiversion/v1alpha1.ts --stdout
 */
import type { int32 } from "../../src/known-types.js";

export interface Destination {
  /** Bucket to write to. */
  bucket: string;
  /** Folder inside the bucket. */
  prefix?: string;
  /** Storage class of the written objects. */
  storageClass?: "STANDARD" | "INFREQUENT_ACCESS" | "ARCHIVE";
}

export interface Retention {
  /**
   * Snapshots to keep.
   * @minimum 1
   * @default 7
   */
  keep?: int32;
  /** Keep at least one snapshot per month for this many months. @minimum 0 */
  monthly?: int32;
}

export interface BackupSpec {
  /** Cron schedule. */
  schedule: string;
  destination: Destination;
  retention?: Retention;
  /** Pause taking new snapshots. */
  suspend?: boolean;
}

export interface BackupStatus {
  lastBackupTime?: Date;
  /** Snapshots currently kept. */
  snapshots?: int32;
}

/**
 * Backup takes periodic snapshots of a volume.
 * @crd
 * @group backup.example.com
 * @version v1
 * @kind Backup
 * @storageVersion
 * @subresource status
 * @printColumn name=Schedule type=string jsonPath=.spec.schedule
 * @printColumn name=Last type=date jsonPath=.status.lastBackupTime
 */
export interface BackupV1 {
  spec: BackupSpec;
  status?: BackupStatus;
}
