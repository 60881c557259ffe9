/**
 * One report of one problem. A tag on a named type is in the schema once per use of the type and
 * per version (and CRD) that uses it, and the transforms and Kubernetes' checks go schema by
 * schema: the same error at the same tag came once per use, which buried the others.
 */
import type { Diagnostic } from "./diagnostic.js";

/** What `sameProblem` noted of a diagnostic whose message names the place it was found. */
interface Noted {
  problem: string;
  where: string;
}

const noted = new WeakMap<Diagnostic, Noted>();

/**
 * Notes that `diagnostic` says `problem` (its message without the place it was found, such as
 * Kubernetes' words without the field path), found at `where`: reports of one problem at one
 * location are one, whatever their messages say of where it was found.
 */
export function sameProblem(diagnostic: Diagnostic, problem: string, where: string): Diagnostic {
  noted.set(diagnostic, { problem, where });
  return diagnostic;
}

/** Where `d` was found: the place `sameProblem` noted, else its path. */
export function placeOf(d: Diagnostic): string {
  return noted.get(d)?.where ?? d.path ?? "";
}

/** How many other places a merged report names before it counts the rest. */
const NAMED_PLACES = 3;

/**
 * Keeps the first of the diagnostics from index `from` on that have one severity, code,
 * location, hint and message (or problem, see `sameProblem`), in place; its message says where
 * else the problem was found (the others' paths), so that no use goes unmentioned.
 */
export function mergeRepeats(diagnostics: Diagnostic[], from: number): void {
  const kept: { d: Diagnostic; where: string; elsewhere: Set<string> }[] = [];
  const byKey = new Map<string, (typeof kept)[number]>();
  for (const d of diagnostics.slice(from)) {
    const key = repeatKey(d);
    const where = placeOf(d);
    const seen = key === undefined ? undefined : byKey.get(key);
    if (!seen) {
      const entry = { d, where, elsewhere: new Set<string>() };
      if (key !== undefined) byKey.set(key, entry);
      kept.push(entry);
    } else if (where !== "" && where !== seen.where) seen.elsewhere.add(where);
  }
  diagnostics.length = from;
  for (const { d, elsewhere } of kept)
    diagnostics.push(
      elsewhere.size === 0 ? d : { ...d, message: `${d.message} (also at ${places([...elsewhere])})` },
    );
}

/** Undefined for a diagnostic without a location: where it applies is then only in its words. */
function repeatKey(d: Diagnostic): string | undefined {
  const l = d.location;
  if (!l) return undefined;
  const what = noted.get(d)?.problem ?? d.message;
  return JSON.stringify([d.severity, d.code, l.file, l.line, l.column, d.hint ?? "", what]);
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 2 more`. */
function places(all: string[]): string {
  if (all.length > NAMED_PLACES + 1)
    return `${all.slice(0, NAMED_PLACES).join(", ")} and ${all.length - NAMED_PLACES} more`;
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(", ")} and ${all[all.length - 1]}`;
}
