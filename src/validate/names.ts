/** `spec.group`, `spec.scope`, `spec.names` and the CRD's own name (reference §1 M1–M2, §2 S1–S8). */
import type { FieldError } from "./field-error.js";
import { child, index, invalid, notSupported, required } from "./errors.js";
import { isDNS1035Label, isDNS1123Subdomain, nameIsDNSSubdomain } from "./dns.js";
import type { InternalNames, InternalSpec } from "./model.js";
import type { NameValidator } from "./object-meta.js";

/** metadata.name must be a DNS subdomain and exactly `<plural>.<group>`. */
export function crdNameValidator(spec: InternalSpec): NameValidator {
  return (name, prefix) => {
    const errs = nameIsDNSSubdomain(name, prefix);
    if (name !== `${spec.names.plural}.${spec.group}`) errs.push(`must be spec.names.plural+"."+spec.group`);
    return errs;
  };
}

export function validateGroup(group: string): FieldError[] {
  const path = "spec.group";
  if (!group) return [required(path, "")];
  const errs = isDNS1123Subdomain(group);
  if (errs.length > 0) return [invalid(path, group, errs.join(","))];
  if (group.split(".").length < 2) return [invalid(path, group, "should be a domain with at least one dot")];
  return [];
}

export function validateScope(scope: string): FieldError[] {
  if (!scope) return [required("spec.scope", "")];
  if (scope !== "Cluster" && scope !== "Namespaced")
    return [notSupported("spec.scope", scope, ["Cluster", "Namespaced"])];
  return [];
}

/** The names that spec requires (status.acceptedNames may be empty). */
export function validateRequiredNames(names: InternalNames): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["plural", "singular", "kind", "listKind"] as const) {
    if (!names[f]) errs.push(required(`spec.names.${f}`, ""));
  }
  return errs;
}

/** `ValidateCustomResourceDefinitionNames`. */
export function validateNames(names: InternalNames, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const label = (value: string) => isDNS1035Label(value).join(",");
  if (names.plural && label(names.plural))
    errs.push(invalid(child(path, "plural"), names.plural, label(names.plural)));
  if (names.singular && label(names.singular))
    errs.push(invalid(child(path, "singular"), names.singular, label(names.singular)));
  for (const f of ["kind", "listKind"] as const) {
    const problems = label(names[f].toLowerCase());
    if (names[f] && problems)
      errs.push(
        invalid(child(path, f), names[f], `may have mixed case, but should otherwise match: ${problems}`),
      );
  }
  names.shortNames.forEach((s, i) => {
    if (label(s)) errs.push(invalid(index(child(path, "shortNames"), i), s, label(s)));
  });
  if (names.kind && names.kind === names.listKind) {
    errs.push(invalid(child(path, "listKind"), names.listKind, "kind and listKind may not be the same"));
  }
  names.categories.forEach((c, i) => {
    if (label(c)) errs.push(invalid(index(child(path, "categories"), i), c, label(c)));
  });
  return errs;
}
