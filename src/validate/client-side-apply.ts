/**
 * Whether a CRD can be installed with client-side `kubectl apply`. kubectl keeps the manifest it
 * applies, as Go-encoded JSON and a newline, in the kubectl.kubernetes.io/last-applied-configuration
 * annotation of the object it sends, and Kubernetes refuses an object whose annotations (keys and
 * values) take more than 256 KiB in all. So a large CRD that the API server accepts from
 * `kubectl create`, server-side apply or Helm can still fail `kubectl apply`: 17 of the corpus's 215
 * real CRDs do (prometheus-operator's, kyverno's, Argo CD's ApplicationSet...), and those projects
 * tell users to apply with `--server-side`. It is not a rule of creation, so it is only a warning.
 */
import { tooLong } from "./errors.js";
import { formatFieldError } from "./format.js";
import { goJsonSize } from "./go-json-size.js";
import { isPlainObject } from "./json.js";
import type { ValidationMemo } from "./memo.js";
import { TOTAL_ANNOTATION_SIZE_LIMIT } from "./object-meta.js";

export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * Why client-side `kubectl apply` of `object` would fail, to follow "is" in a sentence about it
 * ("CRD x is too large for..."), or undefined when it fits (or is no object). Costs about 256 KiB
 * of counting at most, however large the object, and none when `jsonSize` (goJsonSize of `object`,
 * counted past 256 KiB) is given and kubectl would record the object as it is.
 */
export function clientSideApplyProblem(
  object: unknown,
  jsonSize?: number,
  memo?: ValidationMemo,
): string | undefined {
  if (!isPlainObject(object)) return undefined;
  const { applied, otherAnnotationBytes } = asKubectlRecordsIt(object);
  // What is left for the JSON once the other annotations, the key and the newline are counted.
  const room = TOTAL_ANNOTATION_SIZE_LIMIT - otherAnnotationBytes - LAST_APPLIED_ANNOTATION.length - 1;
  const size =
    applied === object && jsonSize !== undefined ? jsonSize : goJsonSize(applied, room, memo?.jsonSize);
  if (size <= room) return undefined;
  const error = formatFieldError(tooLong("metadata.annotations", "", TOTAL_ANNOTATION_SIZE_LIMIT));
  return (
    `too large for client-side \`kubectl apply\`, which keeps a copy of it in the ${LAST_APPLIED_ANNOTATION} ` +
    `annotation: Kubernetes would answer "${error}". ` +
    "Install it with `kubectl apply --server-side`, `kubectl create` or Helm."
  );
}

/**
 * The object kubectl encodes into the annotation (itself without that annotation, which a manifest
 * saved from a cluster may carry) and the bytes of its other annotations.
 */
function asKubectlRecordsIt(object: Record<string, unknown>): {
  applied: Record<string, unknown>;
  otherAnnotationBytes: number;
} {
  const metadata = isPlainObject(object["metadata"]) ? object["metadata"] : undefined;
  const annotations = isPlainObject(metadata?.["annotations"]) ? metadata["annotations"] : undefined;
  if (!metadata || !annotations) return { applied: object, otherAnnotationBytes: 0 };
  let otherAnnotationBytes = 0;
  const others: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(annotations)) {
    if (key === LAST_APPLIED_ANNOTATION) continue;
    others[key] = value;
    otherAnnotationBytes +=
      Buffer.byteLength(key) + Buffer.byteLength(typeof value === "string" ? value : "");
  }
  if (!(LAST_APPLIED_ANNOTATION in annotations)) return { applied: object, otherAnnotationBytes };
  const applied = { ...object, metadata: { ...metadata, annotations: others } };
  return { applied, otherAnnotationBytes };
}
