/** Compares one matched pair of CRDs: CRD-level rules, then each version by name. */
import type { CustomResourceDefinition } from "../schema/types.js";
import { schemaOf, storedVersionsOf, versionsOf } from "./crd-access.js";
import { FieldPath } from "./field-path.js";
import { alignImplicitRootFields } from "./implicit-root-fields.js";
import type { Report } from "./finding.js";
import { aliasesRule } from "./rules/aliases.js";
import { conversionRule } from "./rules/conversion.js";
import { deprecationRule } from "./rules/deprecation.js";
import { groupRule } from "./rules/group.js";
import { namesRule } from "./rules/names.js";
import { printerColumnsRule } from "./rules/printer-columns.js";
import type { CrdRule, VersionRule } from "./rules/rule.js";
import { scopeRule } from "./rules/scope.js";
import { selectableFieldsRule } from "./rules/selectable-fields.js";
import { servedRule } from "./rules/served.js";
import { storageVersionRule } from "./rules/storage-version.js";
import { subresourcesRule } from "./rules/subresources.js";
import { reportVersionAdded, reportVersionRemoved } from "./rules/version-presence.js";
import { compareSchemas } from "./schema-walk.js";

const CRD_RULES: readonly CrdRule[] = [
  groupRule,
  scopeRule,
  namesRule,
  aliasesRule,
  storageVersionRule,
  conversionRule,
];
const VERSION_RULES: readonly VersionRule[] = [
  servedRule,
  deprecationRule,
  subresourcesRule,
  printerColumnsRule,
  selectableFieldsRule,
];

/** `reportIn(version)` returns a report that attributes findings to that version. */
export function compareCrd(
  old: CustomResourceDefinition,
  neu: CustomResourceDefinition,
  reportIn: (version: string | undefined) => Report,
): void {
  const root = FieldPath.root();
  const crdReport = reportIn(undefined);
  for (const rule of CRD_RULES) rule.check(old, neu, root, crdReport);

  const list = root.field("spec").field("versions");
  const oldVersions = new Map(versionsOf(old).map((v) => [v.name, v]));
  const newVersions = versionsOf(neu);
  const newNames = new Set(newVersions.map((v) => v.name));
  // The cluster's storedVersions as far as the files tell (a CRD read back from a cluster carries
  // them): the new file's when it lists any (a dump taken after a storage migration), else the old's.
  const newStored = storedVersionsOf(neu);
  const stored = newStored.length > 0 ? newStored : storedVersionsOf(old);
  for (const [name, version] of oldVersions) {
    if (!newNames.has(name))
      reportVersionRemoved(version, stored, list.named(name, undefined), reportIn(name));
  }
  newVersions.forEach((version, index) => {
    const at = list.named(version.name, index);
    const report = reportIn(version.name);
    const previous = oldVersions.get(version.name);
    if (!previous) {
      reportVersionAdded(version, neu, at, report);
      return;
    }
    for (const rule of VERSION_RULES) rule.check(previous, version, at, report);
    const [oldRoot, newRoot] = alignImplicitRootFields(schemaOf(previous), schemaOf(version));
    compareSchemas(oldRoot, newRoot, at.field("schema").field("openAPIV3Schema"), report);
  });
}
