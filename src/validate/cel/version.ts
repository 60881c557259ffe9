/**
 * The CEL environment compatibility version ("1.35") decides which libraries and language
 * features a rule may use, exactly like Kubernetes' versioned base environment.
 */
export interface CelVersion {
  major: number;
  minor: number;
}

/** What a Kubernetes 1.36 API server uses for a v1 create. */
export const DEFAULT_CEL_VERSION: CelVersion = { major: 1, minor: 35 };

export function parseCelVersion(text: string | undefined): CelVersion {
  const match = /^v?(\d+)\.(\d+)/.exec(text ?? "");
  if (!match) return DEFAULT_CEL_VERSION;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** True when `version` is at least `major.minor`. */
export function atLeast(version: CelVersion, major: number, minor: number): boolean {
  return version.major > major || (version.major === major && version.minor >= minor);
}

export function versionKey(version: CelVersion): string {
  return `${version.major}.${version.minor}`;
}
