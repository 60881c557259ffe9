/** Validates the CRD objects of the checked files and locates each error in the YAML source. */
import { formatFieldError } from "../validate/format.js";
import { installSizeProblems } from "../validate/install-size.js";
import { validateCrd } from "../validate/index.js";
import { codes } from "../diagnostics/codes.js";
import type { Finding } from "./finding.js";
import { positionIn, type CheckedObject } from "./load.js";
import { crdErrorSegments, targetOf } from "./positions.js";
import { unknownFieldHint } from "./unknown-field-hints.js";
import { v1beta1Hint } from "./v1beta1-hints.js";
import { valueHint } from "./value-hints.js";
import { lintCrd } from "./lint/index.js";

export function checkCrd(obj: CheckedObject): Finding[] {
  const errors = validationErrors(obj);
  // The lint reads the schema as Kubernetes would hold it, which a refused CRD is not.
  const lint = errors.length === 0 ? lintCrd(obj) : [];
  return [...errors, ...lint, ...installWarnings(obj)];
}

function validationErrors(obj: CheckedObject): Finding[] {
  return validateCrd(obj.value).map((e) => {
    const pos = positionIn(obj, crdErrorSegments(e), targetOf(e));
    const hint = v1beta1Hint(e, obj.value) ?? unknownFieldHint(e, obj.value) ?? valueHint(e, obj.value);
    return {
      file: obj.file,
      ...pos,
      severity: "error",
      code: codes.invalidCrd,
      path: e.field,
      type: e.type,
      message: formatFieldError(e),
      ...(hint ? { hint } : {}),
    };
  });
}

/**
 * A CRD Kubernetes' rules accept but that is too large to install: for the API server or etcd to
 * store, or for client-side `kubectl apply` (see install-size.ts).
 */
function installWarnings(obj: CheckedObject): Finding[] {
  const { storage, clientSideApply } = installSizeProblems(obj.value);
  // Placed only when there is a warning: a position costs counting the file's lines.
  const warning = (code: string, path: string, type: string, problem: string): Finding => ({
    file: obj.file,
    ...positionIn(obj, []),
    severity: "warning",
    code,
    path,
    type,
    message: `This CustomResourceDefinition is ${problem}`,
  });
  return [
    ...(storage ? [warning(codes.tooLargeToStore, "", "RequestEntityTooLarge", storage)] : []),
    ...(clientSideApply
      ? [
          warning(
            codes.tooLargeForClientSideApply,
            "metadata.annotations",
            "FieldValueTooLong",
            clientSideApply,
          ),
        ]
      : []),
  ];
}
