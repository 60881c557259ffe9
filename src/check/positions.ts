/**
 * Maps a Kubernetes field path of an error back to the YAML node it came from. Paths of the
 * internal CRD form differ from the v1 document (hoisted `spec.validation`, `JSONPath`,
 * `webhookClientConfig`, ...), so they are translated to v1 segments first.
 */

import type { FieldError } from "../validate/field-error.js";
import type { PositionTarget } from "../yaml/load.js";

export type Segment = string | number;

/**
 * Whether an error is about a field's name rather than its value (an unknown field), so that it
 * points at the key the user has to rename or remove: `bogus: 1` at `bogus`, not at `1`.
 */
export function targetOf(e: FieldError): PositionTarget {
  return e.type === "FieldValueForbidden" && /^(strict decoding error: )?unknown field /.test(e.detail)
    ? "key"
    : "value";
}

/** `a.b[c][0].d` → ["a", "b", "c", 0, "d"]. Bracketed keys may contain dots. */
export function parseFieldPath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let current = "";
  const flush = () => {
    if (current) out.push(current);
    current = "";
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const close = path.indexOf("]", i + 1);
      const inner = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      current += c;
      i++;
    }
  }
  flush();
  return out;
}

/**
 * Segments written as Kubernetes writes a field path, parseFieldPath's inverse:
 * `spec.versions[0].schema.openAPIV3Schema.properties[spec].enum[1]`.
 */
export function formatFieldPath(segments: readonly Segment[]): string {
  let out = "";
  segments.forEach((seg, i) => {
    if (typeof seg === "number" || segments[i - 1] === "properties") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  });
  return out;
}

/**
 * Whether an error comes from decoding the v1 document (an unknown field, a value of the wrong JSON
 * type) rather than from validating the internal form: its path is the document's own. A v1beta1
 * field left in a v1 CRD (`spec.validation`, `spec.version`) is such an error, and translating its
 * path would point at `spec.versions[0]`, or at `spec` when there is no such version.
 */
function isDecodeError(e: FieldError): boolean {
  return /^(strict decoding error: unknown field |json: cannot unmarshal )/.test(e.detail);
}

/** Where the value an error of a CRD is about sits in the v1 YAML. */
export function crdErrorSegments(e: FieldError): Segment[] {
  return isDecodeError(e) ? parseFieldPath(e.field) : crdPathToV1Segments(e.field);
}

/** Translates segments of an internal-form CRD path to where the value sits in the v1 YAML. */
export function crdPathToV1Segments(path: string): Segment[] {
  const s = parseFieldPath(path);
  const [a, b, ...rest] = s;
  const firstVersion: Segment[] = ["spec", "versions", 0];
  let out: Segment[] = s;
  if (a === "spec") {
    if (b === "validation") out = [...firstVersion, "schema", ...rest];
    else if (b === "schema") out = [...firstVersion, "schema", ...rest];
    else if (b === "subresources" || b === "additionalPrinterColumns" || b === "selectableFields")
      out = [...firstVersion, b, ...rest];
    else if (b === "version") out = [...firstVersion, "name"];
    else if (b === "conversion" && rest[0] === "webhookClientConfig")
      out = ["spec", "conversion", "webhook", "clientConfig", ...rest.slice(1)];
    else if (b === "conversion" && rest[0] === "conversionReviewVersions")
      out = ["spec", "conversion", "webhook", ...rest];
  } else if (a === "status" && b === "storedVersions") {
    out = ["spec", "versions"];
  }
  return out.map((seg) => (seg === "JSONPath" ? "jsonPath" : seg));
}
