/**
 * A CronJob-like workload: runs a Job template on a cron schedule.
 * Run: npx crdgen examples/cronjob/types.ts --stdout
 */
import type { int32, int64 } from "../../src/known-types.js";

/** How to treat concurrent executions of a Job. */
export enum ConcurrencyPolicy {
  Allow = "Allow",
  Forbid = "Forbid",
  Replace = "Replace",
}

/**
 * A cron expression such as "*\/5 * * * *".
 * @minLength 9
 */
export type Schedule = string;

/** A container image reference. */
export type Image = string;

export interface ContainerSpec {
  /** Name of the container. @pattern ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ */
  name: string;
  image: Image;
  /** Command to run instead of the image's entrypoint. */
  command?: string[];
  /** Environment variables by name. */
  env?: Record<string, string>;
}

export interface JobTemplate {
  /**
   * Number of retries before marking the job failed.
   * @minimum 0
   * @default 6
   */
  backoffLimit?: int32;
  /** Containers of each job's pod. @minItems 1 */
  containers: ContainerSpec[];
  /** Labels added to each job. */
  labels?: Record<string, string>;
}

export interface CronJobSpec {
  /** The schedule in Cron format. */
  schedule: Schedule;
  /**
   * Seconds after the scheduled time a missed job may still start.
   * @minimum 0
   */
  startingDeadlineSeconds?: int64 | null;
  /**
   * Specifies how to treat concurrent executions of a Job.
   * @default "Allow"
   */
  concurrencyPolicy?: ConcurrencyPolicy;
  /** Suspends subsequent executions; running ones are not affected. */
  suspend?: boolean;
  /** The job to run. */
  jobTemplate: JobTemplate;
  /**
   * Successful finished jobs to keep.
   * @minimum 0
   * @maximum 100
   */
  successfulJobsHistoryLimit?: int32;
  /** Log verbosity. */
  logLevel?: "debug" | "info" | "warn" | "error";
}

export interface JobReference {
  name: string;
  namespace?: string;
  uid?: string;
}

export interface CronJobStatus {
  /** Jobs currently running. */
  active?: JobReference[];
  /** When the job was last scheduled. */
  lastScheduleTime?: Date;
  /** When the job last completed successfully. */
  lastSuccessfulTime?: Date | null;
}

/**
 * CronJob runs a Job on a schedule.
 * @crd
 * @group batch.example.com
 * @version v1
 * @shortName cj
 * @category all
 */
export interface CronJob {
  spec: CronJobSpec;
  status?: CronJobStatus;
}
