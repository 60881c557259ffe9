/** API approval for protected groups (reference §1 M4, `apihelpers.GetAPIApprovalState`). */
import type { FieldError } from "./field-error.js";
import { invalid, key, required } from "./errors.js";

const ANNOTATION = "api-approved.kubernetes.io";
const PR = "see https://github.com/kubernetes/enhancements/pull/1111";

/** `k8s.io`, `kubernetes.io` and their subdomains. */
export function isProtectedCommunityGroup(group: string): boolean {
  return (
    group === "k8s.io" ||
    group === "kubernetes.io" ||
    group.endsWith(".k8s.io") ||
    group.endsWith(".kubernetes.io")
  );
}

export function validateAPIApproval(group: string, annotations: Record<string, string>): FieldError[] {
  if (!isProtectedCommunityGroup(group)) return [];
  const path = key("metadata.annotations", ANNOTATION);
  const value = annotations[ANNOTATION];
  if (!value)
    return [required(path, `protected groups must have approval annotation "${ANNOTATION}", ${PR}`)];
  if (value.startsWith("unapproved")) return [];
  // Go's url.ParseRequestURI: an absolute URI or an absolute path.
  const valid =
    (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value) || value.startsWith("/")) && !/[\x00-\x20\x7f]/.test(value);
  if (valid) return [];
  return [
    invalid(
      path,
      value,
      `protected groups must have approval annotation "${ANNOTATION}" with either a URL or a reason starting with "unapproved", ${PR}`,
    ),
  ];
}
