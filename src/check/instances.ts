/**
 * Custom resources: each is matched to a checked CRD by apiVersion (group/version) and kind,
 * then validated as the API server would on create.
 */
import type { CustomResourceDefinition } from "../schema/types.js";
import type { FieldError } from "../validate/field-error.js";
import { formatFieldError } from "../validate/format.js";
import { BLOCKED_CEL, validateInstance } from "../validate/instance/index.js";
import { isBlocking } from "../validate/instance/schema-validate.js";
import { codes } from "../diagnostics/codes.js";
import type { Finding, Severity } from "./finding.js";
import { findCrd } from "./crd-match.js";
import { positionIn, type CheckedObject } from "./load.js";
import { parseFieldPath, targetOf, type Segment } from "./positions.js";

/**
 * The field an error is about, as segments. kube-openapi's composition errors (anyOf, oneOf,
 * allOf, not) have no path (`<nil>`) and name the field in their detail instead:
 * `"spec.port" must validate at least one schema (anyOf)`.
 */
function segmentsOf(e: FieldError): Segment[] {
  if (e.field === "") {
    const named = /^("(?:[^"\\]|\\.)*") must (?:not )?validate /.exec(e.detail);
    if (named) return parseFieldPath(JSON.parse(named[1]!) as string);
  }
  return parseFieldPath(e.field);
}

function locate(
  obj: CheckedObject,
  e: FieldError,
  severity: Severity,
  code: string,
  at?: Segment[],
): Finding {
  const pos = positionIn(obj, at ?? segmentsOf(e), targetOf(e));
  return {
    file: obj.file,
    ...pos,
    severity,
    code,
    path: e.field,
    type: e.type,
    message: formatFieldError(e),
  };
}

/**
 * Errors located in the object. The note that CEL rules were skipped has no field: it goes where
 * the first error that blocked them is, so that it is read after its cause, not at the top.
 */
function locateErrors(obj: CheckedObject, errors: readonly FieldError[]): Finding[] {
  const blocking = errors.find(isBlocking);
  const noteAt = blocking ? segmentsOf(blocking) : undefined;
  return errors.map((e) =>
    locate(obj, e, "error", codes.invalidInstance, e.detail === BLOCKED_CEL ? noteAt : undefined),
  );
}

export function checkInstance(obj: CheckedObject, crds: readonly CheckedObject[]): Finding[] {
  const value = obj.value as { apiVersion?: unknown; kind?: unknown } | null;
  const apiVersion = typeof value?.apiVersion === "string" ? value.apiVersion : "";
  const kind = typeof value?.kind === "string" ? value.kind : "";
  const match = findCrd(crds, apiVersion, kind);
  if (!match.ok) {
    const pos = positionIn(obj, [match.field]);
    const message =
      apiVersion || kind
        ? match.reason
        : "this document is not a Kubernetes object: it has no apiVersion and kind";
    return [
      {
        file: obj.file,
        ...pos,
        severity: "error",
        code: codes.noMatchingCrd,
        path: "",
        type: "NoMatchingCRD",
        message,
      },
    ];
  }
  const crd = match.crd;
  let result: { errors: FieldError[]; warnings: FieldError[] };
  try {
    result = validateInstance(crd.value as CustomResourceDefinition, obj.value);
  } catch (e) {
    result = {
      errors: [
        { type: "InternalError", field: "", detail: `instance validation failed: ${(e as Error).message}` },
      ],
      warnings: [],
    };
  }
  return [
    ...locateErrors(obj, result.errors),
    ...result.warnings.map((e) => locate(obj, e, "warning", codes.instanceWarning)),
  ];
}
