/**
 * `crd-removed` (breaking): a CRD present in the old set is missing from the new one.
 * Deleting a CRD deletes every custom resource of that type, and every client of the
 * API gets 404. Example: `widgets.example.com` only exists in the old folder.
 *
 * `crd-added` (not breaking): a new CRD; no existing client or object depends on it.
 */
import type { CustomResourceDefinition } from "../../schema/types.js";
import { crdName } from "../crd-access.js";
import { FieldPath } from "../field-path.js";
import type { Report } from "../finding.js";

const AT = FieldPath.root().field("metadata").field("name");

export function reportCrdRemoved(crd: CustomResourceDefinition, report: Report): void {
  report({
    kind: "crd-removed",
    breaking: true,
    at: AT,
    message: `CRD ${crdName(crd)} was removed; all its objects would be deleted with it`,
    old: crdName(crd),
  });
}

export function reportCrdAdded(crd: CustomResourceDefinition, report: Report): void {
  report({
    kind: "crd-added",
    breaking: false,
    at: AT,
    message: `CRD ${crdName(crd)} was added`,
    new: crdName(crd),
  });
}
