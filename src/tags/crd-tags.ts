/** Tags on the root declaration that make up the CRD envelope (names, group, version, scope). */
import { isDNS1035Label, isDNS1123Subdomain } from "../validate/dns.js";
import { fail, ok, parseChoice, parseFlag } from "./parse.js";
import { defineTag, type RegisteredTag, type TagParseResult } from "./registry.js";

const CRD = ["crd"] as const;

/**
 * A DNS-1123 subdomain with at least one dot, as Kubernetes requires of a group (`example`
 * alone is refused: "should be a domain with at least one dot"). Said here, at the tag, rather
 * than later by the API server's check of the whole CRD.
 */
function parseGroup(text: string): TagParseResult<string> {
  const t = text.trim();
  if (t.length > 253) return fail(`is ${t.length} characters long; a group has at most 253`);
  if (isDNS1123Subdomain(t).length > 0) {
    const lower = t.toLowerCase();
    return fail(
      `expects a DNS subdomain such as batch.example.com, got "${t}"`,
      lower !== t && parseGroup(lower).ok ? `write @group ${lower}` : undefined,
    );
  }
  if (!t.includes("."))
    return fail(
      `expects a domain with at least one dot, as Kubernetes requires of a group, got "${t}"`,
      `write a domain you own, such as @group ${t}.example.com`,
    );
  return ok(t);
}

/**
 * DNS-1035 label: lower-case, starts with a letter (Kubernetes' rule for version names). Checked
 * here because Kubernetes would refuse a bad name twice (as the version's and as `spec.version`).
 */
function parseVersion(text: string): TagParseResult<string> {
  return dns1035(text, "a version name such as v1 or v1beta1");
}

/** Kubernetes checks a kind's lower-cased form as a DNS-1035 label, and so its list kind `<kind>List`. */
export const MAX_KIND_LENGTH = 63 - "List".length;

function parseKind(text: string): TagParseResult<string> {
  const t = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(t)) return fail(`expects a kind such as CronJob, got "${t}"`);
  return t.length > MAX_KIND_LENGTH
    ? fail(
        `is ${t.length} characters long; a kind has at most ${MAX_KIND_LENGTH}, so that its list kind ${t}List has at most 63`,
      )
    : ok(t);
}

/**
 * The plural is checked here, as Kubernetes checks it (a DNS-1035 label): it is also half of the
 * CRD's name, which a bad one would make Kubernetes refuse a second time.
 */
function parsePlural(text: string): TagParseResult<string> {
  return dns1035(text, "a lower-case name (letters, digits, '-')");
}

/** A DNS-1035 label, with a message for what is wrong: its length or its characters. */
function dns1035(text: string, what: string): TagParseResult<string> {
  const t = text.trim();
  if (t.length > 63) return fail(`is ${t.length} characters long; Kubernetes allows at most 63`);
  if (isDNS1035Label(t).length === 0) return ok(t);
  const lower = t.toLowerCase();
  return fail(
    `expects ${what}, got "${t}"`,
    lower !== t && isDNS1035Label(lower).length === 0 ? `write it in lower case: ${lower}` : undefined,
  );
}

/**
 * One name (a short name, a category, the singular), whose Kubernetes check is reported at the tag
 * (emit/envelope-origins.ts). Said here instead: quotes, which kube-rs' `shortname = "f"` needs and
 * a tag keeps as characters, and a list of names, which a repeatable tag takes one tag per name.
 */
function parseName(tag: string, repeatable: boolean) {
  return (text: string): TagParseResult<string> => {
    const t = text.trim();
    if (t === "") return fail("expects a value");
    // kube-rs users may paste a list (`fo, f`, `["fo", "f"]`), controller-gen users its marker's
    // (`+kubebuilder:resource:shortName=cert;certs`): the hint gives the names bare.
    const names = t
      .split(/[\s,;]+/)
      .map((n) => n.replace(/^[["'`]+|["'`\]]+$/g, ""))
      .filter((n) => n !== "");
    if (names.length > 1)
      return fail(
        repeatable ? `takes one name, got "${t}"` : `expects a single word, got "${t}"`,
        repeatable ? `write one tag per name: ${names.map((n) => `@${tag} ${n}`).join(", ")}` : undefined,
      );
    const unquoted = /^(["'`])(.*)\1$/.exec(t)?.[2];
    return unquoted === undefined
      ? ok(t)
      : fail(`is written in quotes, which would be part of the name`, `write @${tag} ${unquoted}`);
  };
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
    parse: parsePlural,
  }),
  defineTag({
    name: "singular",
    targets: CRD,
    summary: "Singular resource name; defaults to the lower-cased kind.",
    syntax: "@singular <name>",
    parse: parseName("singular", false),
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
    parse: parseName("shortName", true),
  }),
  defineTag({
    name: "category",
    targets: CRD,
    summary: "Category such as `all` for `kubectl get all` (repeatable, each name once).",
    syntax: "@category <name>",
    repeatable: true,
    distinct: { by: (v) => v },
    parse: parseName("category", true),
  }),
];
