/**
 * Just enough of npm's semver ranges to read `engines.node` fields: `||` of comparator sets, each
 * comparator `>=`, `>`, `<=`, `<`, `=`, `^` or a bare (possibly partial, `20`, `20.x`) version.
 * An unreadable range throws rather than answering wrongly.
 */
export type Version = readonly [major: number, minor: number, patch: number];

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `20`, `20.19`, `20.x`, `v20.19.0` -> its parts, `undefined` for the missing or wildcard ones. */
function parts(text: string): (number | undefined)[] {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?$/.exec(text);
  if (!m) throw new Error(`unreadable version ${JSON.stringify(text)}`);
  return m.slice(1).map((part) => (part === undefined || /[xX*]/.test(part) ? undefined : Number(part)));
}

const floor = (p: (number | undefined)[]): Version => [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0];

/** Whether `version` satisfies one comparator such as `>=20.19.0` or `^22.12`. */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|=|\^|~)?\s*(.+)$/.exec(comparator);
  if (!m) throw new Error(`unreadable comparator ${JSON.stringify(comparator)}`);
  const [, op = "", text = ""] = m;
  const p = parts(text);
  const low = floor(p);
  const c = compare(version, low);
  switch (op) {
    case ">=":
      return c >= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case "^":
      // ^20.19.0 is 20.x from 20.19.0 (crdgen reads no 0.x engines).
      return c >= 0 && version[0] === low[0];
    case "~":
      return c >= 0 && version[0] === low[0] && (p[1] === undefined || version[1] === low[1]);
    default:
      // A bare version: `20` is any 20.x, `20.19` any 20.19.x, `20.19.0` exactly that.
      return p.every((part, i) => part === undefined || part === version[i]);
  }
}

/** Whether `version` satisfies the range, as npm reads an `engines.node` field. */
export function satisfies(version: Version, range: string): boolean {
  return range.split("||").some((set) => {
    // `>= 14.6` keeps its space: join an operator to its version before splitting on spaces.
    const comparators = set
      .trim()
      .replace(/([<>=^~]+)\s+/g, "$1")
      .split(/\s+/)
      .filter(Boolean);
    return comparators.length === 0 || comparators.every((c) => satisfiesComparator(version, c));
  });
}
