/**
 * What to write instead when a CRD is, or still partly is, apiextensions.k8s.io/v1beta1: Kubernetes
 * 1.22 removed that version, and a v1 CRD converted by hand often keeps a v1beta1 field, which v1's
 * strict decoding calls an unknown field without saying where it went.
 */
import { knownFieldsOf } from "../validate/decode/decoder.js";
import type { FieldError } from "../validate/field-error.js";
import { parseFieldPath } from "./positions.js";

const V1BETA1 = "apiextensions.k8s.io/v1beta1";

/** v1beta1 fields of `spec` and where v1 keeps them. */
const MOVED_SPEC_FIELDS: ReadonlyMap<string, string> = new Map([
  ["version", "spec.versions[*].name"],
  ["validation", "spec.versions[*].schema, one for each version"],
  ["subresources", "spec.versions[*].subresources, one for each version"],
  [
    "additionalPrinterColumns",
    "spec.versions[*].additionalPrinterColumns, one for each version, with jsonPath for JSONPath",
  ],
]);

/** v1beta1 fields of `spec.conversion` and where v1 keeps them. */
const MOVED_CONVERSION_FIELDS: ReadonlyMap<string, string> = new Map([
  ["webhookClientConfig", "spec.conversion.webhook.clientConfig"],
  ["conversionReviewVersions", "spec.conversion.webhook.conversionReviewVersions"],
]);

function unknownFieldPath(e: FieldError): string[] | undefined {
  return knownFieldsOf(e) === undefined ? undefined : parseFieldPath(e.field).map(String);
}

/** A hint for an error of a CRD about a v1beta1 leftover, or undefined. */
export function v1beta1Hint(e: FieldError, crd: unknown): string | undefined {
  const apiVersion = (crd as { apiVersion?: unknown } | null)?.apiVersion;
  if (e.field === "apiVersion" && apiVersion === V1BETA1)
    return (
      `${V1BETA1} was removed in Kubernetes 1.22, where kubectl says no matches for kind "CustomResourceDefinition" ` +
      `in version "${V1BETA1}": write apiextensions.k8s.io/v1, with spec.version, spec.validation, spec.subresources ` +
      "and spec.additionalPrinterColumns moved into each item of spec.versions"
    );
  const path = unknownFieldPath(e);
  if (!path) return undefined;
  const moved = movedTo(path);
  return moved && `${e.field} is ${V1BETA1}'s: apiextensions.k8s.io/v1 has ${moved}`;
}

function movedTo(path: readonly string[]): string | undefined {
  const [a, b, c, d, , f] = path;
  if (a !== "spec" || b === undefined) return undefined;
  if (path.length === 2) return MOVED_SPEC_FIELDS.get(b);
  if (path.length === 3 && b === "conversion" && c !== undefined) return MOVED_CONVERSION_FIELDS.get(c);
  // spec.versions[0].additionalPrinterColumns[0].JSONPath
  if (path.length === 6 && b === "versions" && d === "additionalPrinterColumns" && f === "JSONPath")
    return "jsonPath, spelt in lower case";
  return undefined;
}
