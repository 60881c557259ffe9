// v1beta1 moved the destination into its own object and added retention.
import type { int32 } from "../../src/known-types.js";

export interface Destination {
  /** Bucket to write to. */
  bucket: string;
  /** Folder inside the bucket. */
  prefix?: string;
}

export interface BackupSpec {
  /** Cron schedule. */
  schedule: string;
  destination: Destination;
  /**
   * Snapshots to keep.
   * @minimum 1
   */
  keep?: int32;
}

/**
 * Backup takes periodic snapshots of a volume.
 * @crd
 * @group backup.example.com
 * @version v1beta1
 * @kind Backup
 * @subresource status
 */
export interface BackupV1beta1 {
  spec: BackupSpec;
  status?: { lastBackupTime?: Date };
}
