/** Tags on the root declaration that make up the CRD envelope (names, group, version, scope). */
import { fail, ok, parseChoice, parseFlag, parseWord } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult } from "./registry.js";

const CRD = ["crd"] as const;

/** DNS-1123 subdomain, as Kubernetes requires of a group. */
function parseGroup(text: string): TagParseResult<string> {
  const t = text.trim();
  if (t.length > 253 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(t))
    return fail(`expects a DNS subdomain such as batch.example.com, got "${t}"`);
  return ok(t);
}

/** DNS-1035 label: lower-case, starts with a letter (Kubernetes' rule for version names). */
function parseVersion(text: string): TagParseResult<string> {
  const t = text.trim();
  return /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(t) && t.length <= 63
    ? ok(t)
    : fail(`expects a version name such as v1 or v1beta1, got "${t}"`);
}

function parseKind(text: string): TagParseResult<string> {
  const t = text.trim();
  return /^[A-Za-z][A-Za-z0-9]*$/.test(t) ? ok(t) : fail(`expects a kind such as CronJob, got "${t}"`);
}

/** DNS-1035 label, the rule for plural, singular and short names. */
function parseName(text: string): TagParseResult<string> {
  const t = text.trim();
  return /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(t) && t.length <= 63
    ? ok(t)
    : fail(`expects a lower-case name (letters, digits, '-'), got "${t}"`);
}

export const crdTags: RegisteredTag[] = [
  defineTag({
    name: "crd",
    targets: CRD,
    summary:
      "Declares a CustomResourceDefinition root (an exported interface or type alias with spec/status).",
    syntax: "@crd",
    parse: parseFlag,
  }),
  defineTag({
    name: "group",
    targets: CRD,
    summary: "API group, e.g. batch.example.com (required).",
    syntax: "@group <dns-subdomain>",
    parse: parseGroup,
  }),
  defineTag({
    name: "version",
    targets: CRD,
    summary: "API version name, e.g. v1 or v1beta1 (required).",
    syntax: "@version <name>",
    parse: parseVersion,
  }),
  defineTag({
    name: "kind",
    targets: CRD,
    summary: "Kind; defaults to the type's name.",
    syntax: "@kind <Kind>",
    parse: parseKind,
  }),
  defineTag({
    name: "plural",
    targets: CRD,
    summary: "Plural resource name; defaults to the lower-cased kind made plural.",
    syntax: "@plural <name>",
    parse: parseName,
  }),
  defineTag({
    name: "singular",
    targets: CRD,
    summary: "Singular resource name; defaults to the lower-cased kind.",
    syntax: "@singular <name>",
    parse: parseName,
  }),
  defineTag({
    name: "scope",
    targets: CRD,
    summary: "Namespaced (default) or Cluster.",
    syntax: "@scope Namespaced|Cluster",
    parse: parseChoice(["Namespaced", "Cluster"] as const),
  }),
  defineTag({
    name: "shortName",
    targets: CRD,
    summary: "Short name for kubectl (repeatable, each name once).",
    syntax: "@shortName <name>",
    repeatable: true,
    distinct: { by: (v) => v },
    parse: parseName,
  }),
  defineTag({
    name: "category",
    targets: CRD,
    summary: "Category such as `all` for `kubectl get all` (repeatable, each name once).",
    syntax: "@category <name>",
    repeatable: true,
    distinct: { by: (v) => v },
    parse: parseWord,
  }),
];
