/**
 * Per-version rules (reference §3 V1–V6): name, uniqueness, exactly one storage version,
 * deprecation warnings, and each version's schema, subresources, columns and selectable fields.
 */
import type { ValidationMemo } from "./memo.js";
import type { FieldError } from "./field-error.js";
import { child, index, invalid } from "./errors.js";
import { validateColumn } from "./columns.js";
import { isDNS1035Label } from "./dns.js";
import { dumpVersions } from "./internal-dump.js";
import type { InternalSpec, InternalSubresources, InternalVersion } from "./model.js";
import type { ValidationOptions } from "./options.js";
import { validateOpenAPISchema } from "./schema-validation.js";
import { validateSelectableFields } from "./selectable-fields.js";
import { newStructural, type NewStructuralResult } from "./structural/convert.js";
import type { Structural } from "./structural/types.js";
import { hasStatusEnabled, validateSubresources } from "./subresources.js";

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** `validateDeprecationWarning`: messages for one version's warning. */
function deprecationWarningProblems(deprecated: boolean, warning: string | undefined): string[] {
  if (!deprecated && warning !== undefined) return ["can only be set for deprecated versions"];
  if (warning === undefined) return [];
  const problems: string[] = [];
  if (Buffer.byteLength(warning) > 256) problems.push("must be <= 256 characters long");
  if (warning.length === 0) problems.push("must not be an empty string");
  let byteIndex = 0;
  for (const ch of warning) {
    if (!PRINTABLE.test(ch)) {
      problems.push(
        `must only contain printable UTF-8 characters; non-printable character found at index ${byteIndex}`,
      );
      break;
    }
    byteIndex += Buffer.byteLength(ch);
  }
  if (/[\ud800-\udfff]/u.test(warning.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) {
    problems.push("must only contain printable UTF-8 characters");
  }
  return problems;
}

/** The subresources that apply to a version: per-version ones if any version has them, else the top-level ones. */
export function subresourcesForVersion(
  spec: InternalSpec,
  version: InternalVersion,
): InternalSubresources | undefined {
  const perVersion = spec.versions.some((v) => v.subresources !== undefined);
  return perVersion ? version.subresources : spec.subresources;
}

export function hasAnyStatusEnabled(spec: InternalSpec): boolean {
  return hasStatusEnabled(spec.subresources) || spec.versions.some((v) => hasStatusEnabled(v.subresources));
}

export function validateVersionList(spec: InternalSpec): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  let unique = true;
  spec.versions.forEach((v, i) => {
    if (names.has(v.name)) unique = false;
    names.add(v.name);
    const problems = isDNS1035Label(v.name);
    if (problems.length > 0)
      errs.push(invalid(child(index("spec.versions", i), "name"), v.name, problems.join(",")));
  });
  if (!unique)
    errs.push(invalid("spec.versions", dumpVersions(spec.versions), "must contain unique version names"));
  if (spec.versions.filter((v) => v.storage).length !== 1) {
    errs.push(
      invalid(
        "spec.versions",
        dumpVersions(spec.versions),
        "must have exactly one version marked as storage version",
      ),
    );
  }
  if (spec.version) {
    const problems = isDNS1035Label(spec.version);
    if (problems.length > 0) errs.push(invalid("spec.version", spec.version, problems.join(",")));
  }
  return errs;
}

export function validateVersion(
  version: InternalVersion,
  path: string,
  statusEnabled: boolean,
  opts: ValidationOptions,
  memo?: ValidationMemo,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const msg of deprecationWarningProblems(version.deprecated, version.deprecationWarning)) {
    errs.push(invalid(child(path, "deprecationWarning"), version.deprecationWarning ?? null, msg));
  }
  const schema = version.schema?.openAPIV3Schema;
  let converted: NewStructuralResult | undefined;
  if (schema) {
    const result = validateOpenAPISchema(
      schema,
      child(path, "schema", "openAPIV3Schema"),
      statusEnabled,
      opts,
      memo,
    );
    errs.push(...result.errors);
    converted = result.structural;
  }
  errs.push(...validateSubresources(version.subresources, child(path, "subresources")));
  version.additionalPrinterColumns.forEach((c, i) =>
    errs.push(...validateColumn(c, index(child(path, "additionalPrinterColumns"), i))),
  );
  if (version.selectableFields.length > 0) {
    if (!schema) {
      errs.push(
        invalid(
          child(path, "selectableFields"),
          "",
          "may only be set when `version.schema.openAPIV3Schema` is not included",
        ),
      );
    } else {
      let structural: Structural | undefined;
      const ss = converted ?? newStructural(schema, memo);
      if (ss.ok) structural = ss.schema;
      else errs.push(invalid(child(path, "schema.openAPIV3Schema"), "", ss.error));
      errs.push(
        ...validateSelectableFields(version.selectableFields, structural, child(path, "selectableFields")),
      );
    }
  }
  return errs;
}
