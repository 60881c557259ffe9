/**
 * Objects that are not custom resources, found among the checked manifests: Kubernetes' own kinds
 * (a GitOps folder holds Deployments and ConfigMaps next to its Certificates) and kustomize's
 * build files. No CRD defines them, and calling each one an error would fail every such folder,
 * so `crdgen check --instances` skips them and says how many it skipped.
 */

/**
 * The kinds of Kubernetes 1.36's built-in API groups that a manifest may hold. Kinds, not only
 * groups, so that a typo (`kind: Deploymnet`) is still reported. Groups are matched exactly:
 * `gateway.networking.k8s.io` is served by CRDs, not by the API server.
 */
const BUILTIN_KINDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    "": [
      "Binding",
      "ConfigMap",
      "Endpoints",
      "Event",
      "LimitRange",
      "Namespace",
      "Node",
      "PersistentVolume",
      "PersistentVolumeClaim",
      "Pod",
      "PodTemplate",
      "ReplicationController",
      "ResourceQuota",
      "Secret",
      "Service",
      "ServiceAccount",
    ],
    "admissionregistration.k8s.io": [
      "MutatingAdmissionPolicy",
      "MutatingAdmissionPolicyBinding",
      "MutatingWebhookConfiguration",
      "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding",
      "ValidatingWebhookConfiguration",
    ],
    "apiregistration.k8s.io": ["APIService"],
    apps: ["ControllerRevision", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet"],
    autoscaling: ["HorizontalPodAutoscaler"],
    batch: ["CronJob", "Job"],
    "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle", "PodCertificateRequest"],
    "coordination.k8s.io": ["Lease", "LeaseCandidate"],
    "discovery.k8s.io": ["EndpointSlice"],
    "events.k8s.io": ["Event"],
    "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
    "internal.apiserver.k8s.io": ["StorageVersion"],
    "networking.k8s.io": ["IPAddress", "Ingress", "IngressClass", "NetworkPolicy", "ServiceCIDR"],
    "node.k8s.io": ["RuntimeClass"],
    policy: ["PodDisruptionBudget"],
    "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
    "resource.k8s.io": [
      "DeviceClass",
      "DeviceTaintRule",
      "ResourceClaim",
      "ResourceClaimTemplate",
      "ResourceSlice",
    ],
    "scheduling.k8s.io": ["PriorityClass"],
    "storage.k8s.io": [
      "CSIDriver",
      "CSINode",
      "CSIStorageCapacity",
      "StorageClass",
      "VolumeAttachment",
      "VolumeAttributesClass",
    ],
    "storagemigration.k8s.io": ["StorageVersionMigration"],
    // kustomize's build files: read by `kustomize build`, never sent to a cluster.
    "kustomize.config.k8s.io": ["Kustomization", "Component"],
  }).map(([group, kinds]) => [group, new Set(kinds)]),
);

/** kustomize reads these names as its build file; older ones have no apiVersion or kind at all. */
const KUSTOMIZATION_FILES = new Set(["kustomization.yaml", "kustomization.yml", "Kustomization"]);

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** Whether `apiVersion`/`kind` is one of Kubernetes' own kinds or a kustomize build file. */
export function isBuiltinKind(apiVersion: string, kind: string): boolean {
  return BUILTIN_KINDS.get(groupOf(apiVersion))?.has(kind) ?? false;
}

/** The built-in kinds of an API group (none for a group the API server does not serve itself). */
export function builtinKindsOf(group: string): readonly string[] {
  return [...(BUILTIN_KINDS.get(group) ?? [])];
}

/** Whether a file is kustomize's build file, by its name as kustomize finds it. */
export function isKustomizationFile(file: string): boolean {
  const base = file.split(/[\\/]/).pop() ?? file;
  return KUSTOMIZATION_FILES.has(base);
}

/** Whether a checked object is one of Kubernetes' own or a kustomize build file (see above). */
export function isNotACustomResource(obj: { file: string; value: unknown }): boolean {
  if (isKustomizationFile(obj.file)) return true;
  const { apiVersion, kind } = (obj.value ?? {}) as { apiVersion?: unknown; kind?: unknown };
  return typeof apiVersion === "string" && typeof kind === "string" && isBuiltinKind(apiVersion, kind);
}
