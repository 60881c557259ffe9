/**
 * Whether a CRD is small enough for the API server to store at all, however it is installed.
 * kubectl (create, apply, server-side apply) and Helm send the object as JSON, and the API server
 * refuses a request body over 3 MiB ("Request entity too large: limit is 3145728"). It then writes
 * the object to etcd, which by default refuses a request over 1.5 MiB (`--max-request-bytes`):
 * "etcdserver: request is too large". The API server stores a CRD more compactly than JSON
 * (protobuf), so between 1.5 and 3 MiB of JSON a CRD may or may not fit, and a cluster may raise
 * etcd's limit: both are warnings. Real CRDs stay far below: the corpus's largest is 0.68 MiB.
 */
import { goJsonSize } from "./go-json-size.js";
import type { ValidationMemo } from "./memo.js";

/** The API server's limit on a request body, in bytes (3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;
/** etcd's default limit on a request, in bytes (1.5 MiB). */
export const ETCD_DEFAULT_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

export interface StorageSizeProblem {
  /** Refused whatever the cluster (over 3 MiB), rather than only beyond etcd's default limit. */
  refused: boolean;
  /** Why, to follow "is" in a sentence about the CRD ("CRD x is larger than..."). */
  message: string;
}

/**
 * Whether the API server could not store an object of `jsonSize` bytes as Go writes it
 * (goJsonSize, counted up to at least MAX_REQUEST_BODY_BYTES + 1); undefined when it can.
 */
export function storageSizeProblem(jsonSize: number): StorageSizeProblem | undefined {
  if (jsonSize > MAX_REQUEST_BODY_BYTES)
    return {
      refused: true,
      message:
        "larger than the API server takes, however it is installed: kubectl and Helm send it as JSON, more " +
        `than 3 MiB of it, and Kubernetes would answer "Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}".`,
    };
  if (jsonSize > ETCD_DEFAULT_MAX_REQUEST_BYTES)
    return {
      refused: false,
      message:
        `${mebibytes(jsonSize)} MiB as JSON, more than the 1.5 MiB etcd stores by default: unless the cluster's ` +
        'etcd allows more (--max-request-bytes), Kubernetes may answer "etcdserver: request is too large".',
    };
  return undefined;
}

/** The count storageSizeProblem needs: goJsonSize of `object`, stopped past 3 MiB. */
export function requestSize(object: unknown, memo?: ValidationMemo): number {
  return goJsonSize(object, MAX_REQUEST_BODY_BYTES, memo?.jsonSize);
}

/** Rounded down, so 1.5 MiB and a byte reads 1.50, never a misleading 1.51. */
function mebibytes(bytes: number): string {
  return (Math.floor((bytes / 1024 / 1024) * 100) / 100).toFixed(2);
}
