/**
 * The lint of `crdgen check` (CRD2010 warnings): what Kubernetes accepts in a CRD but that checks
 * nothing, or something else than meant. Run on CRDs without errors only: its rules read the
 * schema as Kubernetes would hold it, which a refused CRD is not.
 */
import { codes } from "../../diagnostics/codes.js";
import { isPlainObject } from "../../validate/json.js";
import type { Finding } from "../finding.js";
import { positionIn, type CheckedObject } from "../load.js";
import { formatFieldPath, type Segment } from "../positions.js";
import { enumType } from "./enum-type.js";
import { exampleInvalid } from "./example-invalid.js";
import { formatUnchecked } from "./format-unchecked.js";
import { intOrStringType } from "./int-or-string-type.js";
import { keywordType } from "./keyword-type.js";
import { nullDefault } from "./null-default.js";
import { patternMatchesAll } from "./pattern-matches-all.js";
import { printerColumnPath } from "./printer-column-path.js";
import { requiredUndeclared } from "./required-undeclared.js";
import type { LintRule, Report } from "./rule.js";
import { walkSchema } from "./walk.js";

export const lintRules: readonly LintRule[] = [
  formatUnchecked,
  enumType,
  exampleInvalid,
  keywordType,
  intOrStringType,
  patternMatchesAll,
  requiredUndeclared,
  printerColumnPath,
  nullDefault,
];

export function lintCrd(obj: CheckedObject, rules: readonly LintRule[] = lintRules): Finding[] {
  const findings: Finding[] = [];
  const spec = isPlainObject(obj.value) ? obj.value["spec"] : undefined;
  const versions = isPlainObject(spec) ? spec["versions"] : undefined;
  if (!Array.isArray(versions)) return findings;
  const reporter =
    (rule: LintRule, base: readonly Segment[]): Report =>
    (rel, target, message, hint) => {
      const at = [...base, ...rel];
      findings.push({
        file: obj.file,
        ...positionIn(obj, at, target),
        severity: "warning",
        code: codes.crdLint,
        path: formatFieldPath(at),
        type: rule.name,
        message,
        hint,
      });
    };
  versions.forEach((version: unknown, i) => {
    if (!isPlainObject(version)) return;
    const holder = version["schema"];
    const schema = isPlainObject(holder) ? holder["openAPIV3Schema"] : undefined;
    if (!isPlainObject(schema)) return;
    const base: Segment[] = ["spec", "versions", i, "schema", "openAPIV3Schema"];
    walkSchema(schema, base, rules, reporter);
    for (const rule of rules) rule.version?.({ version, schema }, reporter(rule, ["spec", "versions", i]));
  });
  return findings;
}
