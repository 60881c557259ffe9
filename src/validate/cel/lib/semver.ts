import type { Environment } from "@marcbachmann/cel-js";

/** Kubernetes' semver library (1.33+): `semver('1.2.3')`, `isSemver`, comparisons and parts. */
export class SemanticVersion {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: readonly string[],
  ) {}

  compare(o: SemanticVersion): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre.length === 0 && o.pre.length === 0) return 0;
    if (this.pre.length === 0) return 1;
    if (o.pre.length === 0) return -1;
    for (let i = 0; i < Math.min(this.pre.length, o.pre.length); i++) {
      const a = this.pre[i] ?? "";
      const b = o.pre[i] ?? "";
      if (a === b) continue;
      const an = /^\d+$/.test(a);
      const bn = /^\d+$/.test(b);
      if (an && bn) return BigInt(a) < BigInt(b) ? -1 : 1;
      if (an !== bn) return an ? -1 : 1;
      return a < b ? -1 : 1;
    }
    return this.pre.length === o.pre.length ? 0 : this.pre.length < o.pre.length ? -1 : 1;
  }
}

const STRICT =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** With `normalize`, a leading `v`, missing minor/patch and leading zeros are tolerated. */
export function parseSemver(text: string, normalize: boolean): SemanticVersion | undefined {
  let s = text;
  if (normalize) {
    s = s.replace(/^v/, "");
    const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(.*)$/.exec(s);
    if (m) s = `${BigInt(m[1] ?? "0")}.${BigInt(m[2] ?? "0")}.${BigInt(m[3] ?? "0")}${m[4] ?? ""}`;
  }
  const m = STRICT.exec(s);
  if (!m) return undefined;
  return new SemanticVersion(
    BigInt(m[1] ?? 0),
    BigInt(m[2] ?? 0),
    BigInt(m[3] ?? 0),
    m[4] ? m[4].split(".") : [],
  );
}

function orThrow(text: string, normalize: boolean): SemanticVersion {
  const v = parseSemver(text, normalize);
  if (!v) throw new Error(`string "${text}" is not a valid semver`);
  return v;
}

export function registerSemverLibrary(env: Environment): void {
  const S = "kubernetes.Semver";
  env.registerType(S, SemanticVersion);
  env.registerFunction(`semver(string): ${S}`, (s: string) => orThrow(s, false));
  env.registerFunction(`semver(string, bool): ${S}`, (s: string, n: boolean) => orThrow(s, n));
  env.registerFunction("isSemver(string): bool", (s: string) => parseSemver(s, false) !== undefined);
  env.registerFunction(
    "isSemver(string, bool): bool",
    (s: string, n: boolean) => parseSemver(s, n) !== undefined,
  );
  env.registerFunction(`${S}.major(): int`, (v: SemanticVersion) => v.major);
  env.registerFunction(`${S}.minor(): int`, (v: SemanticVersion) => v.minor);
  env.registerFunction(`${S}.patch(): int`, (v: SemanticVersion) => v.patch);
  env.registerFunction(`${S}.compareTo(${S}): int`, (a: SemanticVersion, b: SemanticVersion) =>
    BigInt(a.compare(b)),
  );
  env.registerFunction(
    `${S}.isGreaterThan(${S}): bool`,
    (a: SemanticVersion, b: SemanticVersion) => a.compare(b) > 0,
  );
  env.registerFunction(
    `${S}.isLessThan(${S}): bool`,
    (a: SemanticVersion, b: SemanticVersion) => a.compare(b) < 0,
  );
  env.registerOperator(`${S} == ${S}`, (a: SemanticVersion, b: SemanticVersion) => a.compare(b) === 0);
}
