/**
 * What stops a CRD that Kubernetes' rules accept from being installed, by size: too large for the
 * API server or etcd to store (request-size.ts), or for client-side `kubectl apply`
 * (client-side-apply.ts). One count of the object's JSON serves both.
 */
import { clientSideApplyProblem } from "./client-side-apply.js";
import type { ValidationMemo } from "./memo.js";
import { requestSize, storageSizeProblem } from "./request-size.js";

export interface InstallSizeProblems {
  /** Why the API server or etcd would not store it, to follow "is" in a sentence about it. */
  storage?: string;
  /** Why client-side `kubectl apply` would fail, to follow "is" in a sentence about it. */
  clientSideApply?: string;
}

/** `memo`: sizes a long-lived session counted before (validate/memo.ts). */
export function installSizeProblems(object: unknown, memo?: ValidationMemo): InstallSizeProblems {
  const size = requestSize(object, memo);
  const storage = storageSizeProblem(size);
  // Past 3 MiB no way of installing works, so advice on the way of installing would mislead.
  const clientSideApply = storage?.refused ? undefined : clientSideApplyProblem(object, size, memo);
  return {
    ...(storage ? { storage: storage.message } : {}),
    ...(clientSideApply ? { clientSideApply } : {}),
  };
}
