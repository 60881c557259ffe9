/**
 * `diffCrds`: classify the API changes between two sets of CRDs.
 * CRDs are matched by name, versions by name, properties by name; each difference is
 * one `CrdChange` from a rule under `rules/`, returned in a fixed order (`order.ts`).
 */
import type { CustomResourceDefinition } from "../schema/types.js";
import { compareCrd } from "./compare-crd.js";
import { crdName } from "./crd-access.js";
import { pairCrds } from "./crd-pairing.js";
import { locationIn } from "./location.js";
import type { Finding, Report } from "./finding.js";
import { compareChanges } from "./order.js";
import { reportCrdAdded, reportCrdRemoved } from "./rules/crd-presence.js";
import type { CrdChange } from "./types.js";

export type { ChangeKind, CrdChange, DocumentLocation } from "./types.js";
export { CHANGE_KINDS } from "./types.js";
export { breakingFirst } from "./order.js";

/** `newCrd` is the CRD on the new side, if any, so the location only names nodes it has. */
function toChange(
  finding: Finding,
  crd: string,
  version: string | undefined,
  newCrd: CustomResourceDefinition | undefined,
): CrdChange {
  const attributed = finding.version ?? version;
  // Optional keys are left out rather than set to undefined, so JSON output and equality stay clean.
  const change: CrdChange = {
    crd,
    ...(attributed === undefined ? {} : { version: attributed }),
    path: finding.at.toString(),
    kind: finding.kind,
    breaking: finding.breaking,
    message: finding.message,
  };
  if (finding.old !== undefined) change.old = finding.old;
  if (finding.new !== undefined) change.new = finding.new;
  if (newCrd) change.location = locationIn(newCrd, finding.at.location());
  return change;
}

export function diffCrds(
  oldCrds: CustomResourceDefinition[],
  newCrds: CustomResourceDefinition[],
): CrdChange[] {
  const changes: CrdChange[] = [];
  const collect =
    (crd: string, newCrd: CustomResourceDefinition | undefined) =>
    (version: string | undefined): Report =>
    (finding) => {
      changes.push(toChange(finding, crd, version, newCrd));
    };

  const { pairs, removed, added } = pairCrds(oldCrds, newCrds);
  for (const crd of removed) reportCrdRemoved(crd, collect(crdName(crd), undefined)(undefined));
  for (const crd of added) reportCrdAdded(crd, collect(crdName(crd), crd)(undefined));
  for (const [old, neu] of pairs) compareCrd(old, neu, collect(crdName(neu), neu));
  return changes.sort(compareChanges);
}
