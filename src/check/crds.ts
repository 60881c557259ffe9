/** Validates the CRD objects of the checked files and locates each error in the YAML source. */
import { formatFieldError } from "../validate/format.js";
import { clientSideApplyProblem } from "../validate/client-side-apply.js";
import { validateCrd } from "../validate/index.js";
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";
import { positionIn, type CheckedObject } from "./load.js";
import { crdPathToV1Segments } from "./positions.js";

export function checkCrd(obj: CheckedObject): Finding[] {
  return [...validationErrors(obj), ...installWarnings(obj)];
}

function validationErrors(obj: CheckedObject): Finding[] {
  return validateCrd(obj.value).map((e) => {
    const pos = positionIn(obj, crdPathToV1Segments(e.field));
    return {
      file: obj.file,
      line: pos.line,
      column: pos.column,
      severity: "error",
      code: codes.invalidCrd,
      path: e.field,
      type: e.type,
      message: formatFieldError(e),
    };
  });
}

/** A CRD Kubernetes accepts but client-side `kubectl apply` cannot install (see client-side-apply.ts). */
function installWarnings(obj: CheckedObject): Finding[] {
  const problem = clientSideApplyProblem(obj.value);
  if (problem === undefined) return [];
  const pos = positionIn(obj, []);
  return [
    {
      file: obj.file,
      line: pos.line,
      column: pos.column,
      severity: "warning",
      code: codes.tooLargeForClientSideApply,
      path: "metadata.annotations",
      type: "FieldValueTooLong",
      message: `This CustomResourceDefinition is ${problem}`,
    },
  ];
}
