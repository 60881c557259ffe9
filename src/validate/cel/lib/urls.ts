import type { Environment } from "@marcbachmann/cel-js";

/**
 * Kubernetes' URL library: `url(s)` accepts what Go's `url.ParseRequestURI` accepts (an absolute
 * URI or an absolute path), with accessors for scheme, host, port, path and query.
 */
export class ParsedURL {
  constructor(
    readonly raw: string,
    readonly scheme: string,
    readonly host: string,
    readonly escapedPath: string,
    readonly query: string,
  ) {}
  toString(): string {
    return this.raw;
  }
}

export function parseRequestURI(raw: string): ParsedURL | undefined {
  if (raw.includes("#") || /[\s\x00-\x1f\x7f]/.test(raw)) return undefined;
  if (raw.startsWith("/")) {
    const q = raw.indexOf("?");
    return new ParsedURL(raw, "", "", q < 0 ? raw : raw.slice(0, q), q < 0 ? "" : raw.slice(q + 1));
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(raw);
  if (!m?.[1]) return undefined;
  const scheme = m[1];
  let rest = m[2] ?? "";
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) [rest, query] = [rest.slice(0, q), rest.slice(q + 1)];
  if (!rest.startsWith("//"))
    return rest.startsWith("/") ? new ParsedURL(raw, scheme, "", rest, query) : undefined;
  const authority = rest.slice(2).split("/")[0] ?? "";
  const path = rest.slice(2 + authority.length);
  const host = authority.includes("@") ? authority.slice(authority.lastIndexOf("@") + 1) : authority;
  if (/^\[/.test(host) ? !/^\[[0-9A-Fa-f:.]+(%[^\]]+)?\](:\d*)?$/.test(host) : /[[\]]/.test(host))
    return undefined;
  return new ParsedURL(raw, scheme, host, path, query);
}

function hostname(u: ParsedURL): string {
  if (u.host.startsWith("[")) return u.host.slice(1, u.host.indexOf("]"));
  const colon = u.host.lastIndexOf(":");
  return colon >= 0 ? u.host.slice(0, colon) : u.host;
}

function port(u: ParsedURL): string {
  const close = u.host.lastIndexOf("]");
  const colon = u.host.lastIndexOf(":");
  return colon > close ? u.host.slice(colon + 1) : "";
}

function queryMap(u: ParsedURL): Record<string, string[]> {
  // Built in a Map: query keys such as `constructor` or `__proto__` must not meet Object.prototype.
  const byKey = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(u.query)) {
    const values = byKey.get(k);
    if (values) values.push(v);
    else byKey.set(k, [v]);
  }
  return Object.fromEntries(byKey);
}

export function registerUrlLibrary(env: Environment): void {
  const U = "kubernetes.URL";
  env.registerType(U, ParsedURL);
  env.registerFunction(`url(string): ${U}`, (s: string) => {
    const u = parseRequestURI(s);
    if (!u)
      throw new Error(`URL parse error during conversion from string: parse "${s}": invalid URI for request`);
    return u;
  });
  env.registerFunction("isURL(string): bool", (s: string) => parseRequestURI(s) !== undefined);
  env.registerFunction(`${U}.getScheme(): string`, (u: ParsedURL) => u.scheme);
  env.registerFunction(`${U}.getHost(): string`, (u: ParsedURL) => u.host);
  env.registerFunction(`${U}.getHostname(): string`, (u: ParsedURL) => hostname(u));
  env.registerFunction(`${U}.getPort(): string`, (u: ParsedURL) => port(u));
  env.registerFunction(`${U}.getEscapedPath(): string`, (u: ParsedURL) => u.escapedPath);
  env.registerFunction(`${U}.getQuery(): map<string, list<string>>`, (u: ParsedURL) => queryMap(u));
  env.registerOperator(`${U} == ${U}`, (a: ParsedURL, b: ParsedURL) => a.raw === b.raw);
}
