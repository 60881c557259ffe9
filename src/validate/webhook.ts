/** Conversion webhook client config checks (apiserver `pkg/util/webhook/validation.go`). */
import type { FieldError } from "./field-error.js";
import { child, invalid, required } from "./errors.js";
import { isDNS1123Subdomain } from "./dns.js";

interface GoUrl {
  scheme: string;
  host: string;
  user?: string;
  rawQuery: string;
  fragment: string;
}

/** Enough of Go's `url.Parse` to tell scheme, host, user info, query and fragment apart. */
function parseGoUrl(raw: string): { url: GoUrl } | { error: string } {
  const fail = (why: string) => ({ error: `parse ${JSON.stringify(raw)}: ${why}` });
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail("net/url: invalid control character in URL");
  let rest = raw;
  let fragment = "";
  const hash = rest.indexOf("#");
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const badEscape = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(rest);
  if (badEscape) return fail(`invalid URL escape ${JSON.stringify("%" + badEscape[1])}`);
  let scheme = "";
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (m) {
    scheme = m[1]!.toLowerCase();
    rest = rest.slice(m[0].length);
  } else if (rest.startsWith(":")) {
    return fail("missing protocol scheme");
  }
  let rawQuery = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let host = "";
  let user: string | undefined;
  if (rest.startsWith("//") && (scheme || !rest.startsWith("///"))) {
    const authorityEnd = rest.indexOf("/", 2);
    let authority = authorityEnd >= 0 ? rest.slice(2, authorityEnd) : rest.slice(2);
    const at = authority.lastIndexOf("@");
    if (at >= 0) {
      user = authority.slice(0, at);
      authority = authority.slice(at + 1);
    }
    host = authority;
  } else if (!scheme && /^[^/]*:/.test(rest)) {
    return fail("first path segment in URL cannot contain colon");
  }
  return { url: { scheme, host, ...(user !== undefined ? { user } : {}), rawQuery, fragment } };
}

const FORM = "; desired format: https://host[/path]";

export function validateWebhookURL(path: string, raw: string, forceHttps: boolean): FieldError[] {
  const parsed = parseGoUrl(raw);
  if ("error" in parsed) return [required(path, `url must be a valid URL: ${parsed.error}${FORM}`)];
  const u = parsed.url;
  const errs: FieldError[] = [];
  if (forceHttps && u.scheme !== "https")
    errs.push(invalid(path, u.scheme, `'https' is the only allowed URL scheme${FORM}`));
  if (!u.host) errs.push(invalid(path, u.host, `host must be specified${FORM}`));
  if (u.user !== undefined) errs.push(invalid(path, u.user, "user information is not permitted in the URL"));
  if (u.fragment) errs.push(invalid(path, u.fragment, "fragments are not permitted in the URL"));
  if (u.rawQuery) errs.push(invalid(path, u.rawQuery, "query parameters are not permitted in the URL"));
  return errs;
}

export function validateWebhookService(
  path: string,
  namespace: string,
  name: string,
  urlPath: string | undefined,
  port: number,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!name) errs.push(required(child(path, "name"), "service name is required"));
  if (!namespace) errs.push(required(child(path, "namespace"), "service namespace is required"));
  if (port < 1 || port > 65535)
    errs.push(
      invalid(child(path, "port"), port, "port is not valid: must be between 1 and 65535, inclusive"),
    );
  if (urlPath === undefined || urlPath === "/" || urlPath === "") return errs;
  const pathField = child(path, "path");
  if (urlPath === "//") return [...errs, invalid(pathField, urlPath, "segment[0] may not be empty")];
  if (!urlPath.startsWith("/")) errs.push(invalid(pathField, urlPath, "must start with a '/'"));
  let toCheck = urlPath.slice(1);
  if (toCheck.endsWith("/")) toCheck = toCheck.slice(0, -1);
  toCheck.split("/").forEach((step, i) => {
    if (!step) {
      errs.push(invalid(pathField, urlPath, `segment[${i}] may not be empty`));
      return;
    }
    for (const failure of isDNS1123Subdomain(step))
      errs.push(invalid(pathField, urlPath, `segment[${i}]: ${failure}`));
  });
  return errs;
}
