/**
 * A workload that embeds Kubernetes' own PodTemplateSpec from @kubernetes/client-node: the
 * field gets the full structural schema controller-gen gives corev1.PodTemplateSpec, with
 * Kubernetes' list types and map keys (containers by name, ports by containerPort...),
 * int-or-string and quantity shapes.
 * Run: npx crdgen examples/podtemplate/types.ts --stdout
 */
import type { V1LabelSelector, V1PodTemplateSpec, IntOrString } from "@kubernetes/client-node";
import type { int32 } from "../../src/known-types.js";

export interface BatchRunnerSpec {
  /**
   * Number of pods to keep running.
   * @minimum 0
   * @default 1
   */
  replicas?: int32;
  /** Which pods belong to this runner. */
  selector: V1LabelSelector;
  /** The pods to run. */
  template: V1PodTemplateSpec;
  /** Pods that may be unavailable during an update: a count or a percentage. */
  maxUnavailable?: IntOrString;
}

export interface BatchRunnerStatus {
  replicas?: int32;
  readyReplicas?: int32;
  /** Label selector of the pods, for the scale subresource. */
  selector?: string;
}

/**
 * BatchRunner keeps a set of identical pods running.
 * @crd
 * @group workloads.example.com
 * @version v1
 * @subresource status
 * @subresource scale specReplicasPath=.spec.replicas statusReplicasPath=.status.replicas labelSelectorPath=.status.selector
 * @printColumn name=Replicas type=integer jsonPath=.spec.replicas
 * @printColumn name=Ready type=integer jsonPath=.status.readyReplicas
 */
export interface BatchRunner {
  spec: BatchRunnerSpec;
  status?: BatchRunnerStatus;
}
