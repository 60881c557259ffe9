/**
 * Where the CRD envelope's fields were written: for a Kubernetes error outside a version's schema
 * (a name, the group, a printer column, a scale path, a selectable field, a deprecation warning,
 * the CRD's own annotations and labels), the root tag that set the field. A field no tag set (a
 * plural made from the kind, an annotation Kubernetes asks for) has no entry, and its error stays
 * at the root.
 */
import type { SourceLocation } from "../diagnostics/diagnostic.js";
import type { IrRoot } from "../ir/model.js";
import type { AppliedTag } from "../tags/registry.js";
import type { SubresourceTag } from "../tags/version-tags.js";
import type { FieldError } from "../validate/field-error.js";
import { MAX_SELECTABLE_FIELDS } from "../validate/selectable-fields.js";
import { tagOrigin, type VersionInput } from "./envelope.js";

/** A field of the CRD a tag set, by Kubernetes' path for it. */
interface TaggedField {
  /** e.g. `spec.names.shortNames[1]`; an error at this path or below it is the tag's. */
  path: string;
  root: IrRoot;
  origin: SourceLocation;
  /**
   * For an entry standing for a whole map (`metadata.labels`), matched only by an error at the
   * map itself: the key (and a label's value) the tag wrote. Kubernetes reports a bad annotation
   * or label there, naming the key or value, which tells which tag it is.
   */
  values?: readonly string[];
}

/** The tag that set the field `error` is about, with its root; undefined when none did. */
export function envelopeOrigin(
  error: FieldError,
  versions: readonly VersionInput[],
): { origin: SourceLocation; root: IrRoot } | undefined {
  let best: TaggedField[] = [];
  for (const f of taggedFields(versions)) {
    if (f.values ? error.field !== f.path : !isWithin(error.field, f.path)) continue;
    if (best.length === 0 || f.path.length > best[0]!.path.length) best = [f];
    else if (f.path.length === best[0]!.path.length) best.push(f);
  }
  const named = best.find((f) => typeof error.badValue === "string" && f.values?.includes(error.badValue));
  return named ?? best[0];
}

/** `field` is `path` or a field under it (`a.b[0]` is within `a.b`, `a.bc` is not). */
function isWithin(field: string, path: string): boolean {
  return (
    field === path || (field.startsWith(path) && (field[path.length] === "." || field[path.length] === "["))
  );
}

function taggedFields(versions: readonly VersionInput[]): TaggedField[] {
  const out: TaggedField[] = [];
  const add = (
    path: string,
    root: IrRoot,
    origin: SourceLocation | undefined,
    values?: readonly string[],
  ) => {
    if (origin) out.push({ path, root, origin, ...(values ? { values } : {}) });
  };
  // The CRD-level names are the first version's root's (buildOne takes them from it; the other
  // roots were checked to agree).
  const first = versions[0]!.root;
  const one = (name: string) => tagOrigin(first, name);
  // The plural part of `<plural>.<group>` was checked at @plural, so what is wrong is the group.
  add("metadata.name", first, one("group"));
  add("spec.group", first, one("group"));
  add("spec.scope", first, one("scope"));
  add("spec.names.plural", first, one("plural"));
  add("spec.names.singular", first, one("singular"));
  add("spec.names.kind", first, one("kind"));
  add("spec.names.listKind", first, one("kind"));
  tagsNamed(first, "shortName").forEach((t, i) => add(`spec.names.shortNames[${i}]`, first, t.origin));
  tagsNamed(first, "category").forEach((t, i) => add(`spec.names.categories[${i}]`, first, t.origin));
  // Every version's root adds to the CRD's metadata (envelope.ts, mergeMetadata).
  for (const { root } of versions) {
    for (const t of tagsNamed(root, "annotation")) {
      const [key] = t.value as [string, string];
      add(`metadata.annotations[${key}]`, root, t.origin);
      add("metadata.annotations", root, t.origin, [key]);
    }
    for (const t of tagsNamed(root, "label"))
      add("metadata.labels", root, t.origin, t.value as [string, string]);
  }
  versions.forEach(({ root }, i) => {
    const one = (name: string) => tagOrigin(root, name);
    const prefix = `spec.versions[${i}]`;
    add(`${prefix}.name`, root, one("version"));
    add(`${prefix}.served`, root, one("served"));
    add(`${prefix}.storage`, root, one("storageVersion"));
    add(`${prefix}.deprecated`, root, one("deprecated"));
    add(`${prefix}.deprecationWarning`, root, one("deprecated"));
    versionListFields(prefix, root, add);
  });
  // Kubernetes also checks the first version's name as `spec.version`, and moves what every
  // version has alike to `spec` (`spec.additionalPrinterColumns[0]`), reporting it there: the
  // first version's tags wrote it as well as any.
  add("spec.version", first, one("version"));
  versionListFields("spec", first, add);
  return out;
}

/** Subresources, printer columns and selectable fields of one version, at `prefix`. */
function versionListFields(
  prefix: string,
  root: IrRoot,
  add: (path: string, root: IrRoot, origin: SourceLocation | undefined) => void,
): void {
  for (const t of tagsNamed(root, "subresource"))
    add(`${prefix}.subresources.${(t.value as SubresourceTag).kind}`, root, t.origin);
  tagsNamed(root, "printColumn").forEach((t, i) =>
    add(`${prefix}.additionalPrinterColumns[${i}]`, root, t.origin),
  );
  const fields = tagsNamed(root, "selectableField");
  fields.forEach((t, i) => add(`${prefix}.selectableFields[${i}]`, root, t.origin));
  // Too many is said of the whole list: at the first field over the limit.
  add(`${prefix}.selectableFields`, root, (fields[MAX_SELECTABLE_FIELDS] ?? fields[0])?.origin);
}

function tagsNamed(root: IrRoot, name: string): AppliedTag[] {
  return root.tags.filter((t) => t.name === name);
}
