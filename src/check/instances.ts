/**
 * Custom resources: each is matched to a checked CRD by apiVersion (group/version) and kind,
 * then validated as the API server would on create.
 */
import type { CustomResourceDefinition } from "../schema/types.js";
import type { FieldError } from "../validate/field-error.js";
import { formatFieldError } from "../validate/format.js";
import { validateInstance } from "../validate/instance/index.js";
import { codes } from "../diagnostics/codes.js";
import type { Finding, Severity } from "./finding.js";
import { positionIn, type CheckedObject } from "./load.js";
import { parseFieldPath, targetOf } from "./positions.js";

interface CrdShape {
  spec?: { group?: unknown; names?: { kind?: unknown }; versions?: unknown };
}

function versionsOf(crd: CrdShape): string[] {
  const versions = crd.spec?.versions;
  if (!Array.isArray(versions)) return [];
  return versions
    .map((v) => (v && typeof v === "object" ? (v as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === "string");
}

/** The CRD defining `apiVersion`/`kind`, if any of `crds` does. */
export function findCrd(
  crds: readonly CheckedObject[],
  apiVersion: string,
  kind: string,
): CheckedObject | undefined {
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return crds.find((c) => {
    const crd = c.value as CrdShape;
    return crd.spec?.group === group && crd.spec?.names?.kind === kind && versionsOf(crd).includes(version);
  });
}

function locate(obj: CheckedObject, e: FieldError, severity: Severity, code: string): Finding {
  const pos = positionIn(obj, parseFieldPath(e.field), targetOf(e));
  return {
    file: obj.file,
    line: pos.line,
    column: pos.column,
    severity,
    code,
    path: e.field,
    type: e.type,
    message: formatFieldError(e),
  };
}

export function checkInstance(obj: CheckedObject, crds: readonly CheckedObject[]): Finding[] {
  const value = obj.value as { apiVersion?: unknown; kind?: unknown } | null;
  const apiVersion = typeof value?.apiVersion === "string" ? value.apiVersion : "";
  const kind = typeof value?.kind === "string" ? value.kind : "";
  const crd = findCrd(crds, apiVersion, kind);
  if (!crd) {
    const pos = positionIn(obj, ["apiVersion"]);
    const what =
      apiVersion || kind
        ? `${kind || "<no kind>"} in ${apiVersion || "<no apiVersion>"}`
        : "an object without apiVersion and kind";
    return [
      {
        file: obj.file,
        line: pos.line,
        column: pos.column,
        severity: "error",
        code: codes.noMatchingCrd,
        path: "",
        type: "NoMatchingCRD",
        message: `no checked CustomResourceDefinition defines ${what}`,
      },
    ];
  }
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
    ...result.errors.map((e) => locate(obj, e, "error", codes.invalidInstance)),
    ...result.warnings.map((e) => locate(obj, e, "warning", codes.instanceWarning)),
  ];
}
