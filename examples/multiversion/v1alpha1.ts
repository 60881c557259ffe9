// The first, experimental shape of the Backup API, kept served so existing clients keep
// working; deprecated in favour of v1.

/** What to back up and where (v1alpha1: a bare schedule and a bucket name). */
export interface BackupSpec {
  /** Cron schedule. */
  schedule: string;
  /** Bucket to write to. */
  bucket: string;
}

/**
 * Backup takes periodic snapshots of a volume.
 * @crd
 * @group backup.example.com
 * @version v1alpha1
 * @kind Backup
 * @deprecated "backup.example.com/v1alpha1 Backup is deprecated; use backup.example.com/v1"
 */
export interface BackupV1alpha1 {
  spec: BackupSpec;
}
