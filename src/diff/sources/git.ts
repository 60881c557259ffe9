/**
 * Reads the old side of a diff from git: the same file or folder as the new side, as
 * it was at `<ref>`, through `git ls-tree` and `git show` in the repository that holds
 * the new side. A file that did not exist at `<ref>` reads as an empty set; `findMovedCrds`
 * then looks for its CRDs where they were.
 */
import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { crdName } from "../crd-access.js";
import { parseYamlDocuments, type YamlProblem } from "../../yaml/load.js";
import {
  describeYamlProblems,
  kubectlCrds,
  type CrdSetResult,
  type KubectlReading,
  type SourcedCrd,
} from "./crd-documents.js";

const run = promisify(execFile);
const MANIFEST = /\.(ya?ml|json)$/i;
// CRD bundles reach tens of megabytes; the default 1 MiB buffer is far too small.
const MAX_BUFFER = 512 * 1024 * 1024;

type GitResult = { ok: true; stdout: string } | { ok: false; message: string };

async function git(args: string[], cwd: string): Promise<GitResult> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8" });
    return { ok: true, stdout };
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const text = typeof stderr === "string" && stderr.trim() !== "" ? stderr : String(error);
    return { ok: false, message: text.trim().split("\n")[0] ?? text };
  }
}

/**
 * Why `ref` may be missing, where that is likely: a shallow clone (CI's usual checkout holds the
 * one commit it builds) lacks the branch until it is fetched; a local branch name may be meant as
 * the remote's (`main` where only `origin/main` exists).
 */
async function unknownRef(ref: string, root: string): Promise<string> {
  const error = `unknown git ref "${ref}"`;
  const remote = `origin/${ref}`;
  if (
    !ref.startsWith("origin/") &&
    (await git(["rev-parse", "--verify", "--quiet", `${remote}^{commit}`], root)).ok
  )
    return `${error} (did you mean ${remote}?)`;
  const shallow = await git(["rev-parse", "--is-shallow-repository"], root);
  if (shallow.ok && shallow.stdout.trim() === "true") {
    const branch = ref.startsWith("origin/") ? ref.slice("origin/".length) : ref;
    return `${error}: this clone is shallow and does not hold it; fetch it first (git fetch --depth=1 origin ${branch}), or check out with fetch-depth: 0`;
  }
  return error;
}

/** The repository holding `target` (absolute; file or folder), and `target` within it, at a known ref. */
type Located =
  | { ok: true; root: string; relative: string; isDirectory: boolean; commit: string }
  | { ok: false; error: string; usage?: boolean };

async function locate(ref: string, target: string, shown: string): Promise<Located> {
  let isDirectory: boolean;
  let realTarget: string;
  try {
    isDirectory = (await stat(target)).isDirectory();
    realTarget = await realpath(target);
  } catch {
    return { ok: false, error: `cannot read ${shown}: no such file or directory` };
  }
  const top = await git(
    ["rev-parse", "--show-toplevel"],
    isDirectory ? realTarget : path.dirname(realTarget),
  );
  if (!top.ok) return { ok: false, error: `${shown} is not inside a git repository`, usage: true };
  const root = await realpath(top.stdout.trim());
  const verified = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  if (!verified.ok) return { ok: false, error: await unknownRef(ref, root), usage: true };
  const relative = path.relative(root, realTarget).split(path.sep).join("/");
  return { ok: true, root, relative, isDirectory, commit: verified.stdout.trim() };
}

/** The CRDs of `file` at `ref`, as kubectl reads them, or why they could not be read. */
async function readAtRef(
  ref: string,
  root: string,
  file: string,
): Promise<
  | { ok: true; crds: SourcedCrd[]; readings: KubectlReading[]; problems: YamlProblem[] }
  | { ok: false; error: string }
> {
  const content = await git(["show", `${ref}:${file}`], root);
  if (!content.ok) return { ok: false, error: `git show ${ref}:${file} failed: ${content.message}` };
  const shownFile = `${ref}:${file}`;
  const parsed = parseYamlDocuments(content.stdout, shownFile);
  const read = kubectlCrds(parsed, shownFile);
  return { ok: true, crds: read.crds, readings: read.readings, problems: parsed.errors };
}

/** Loads the CRDs under `target` (absolute; file or folder) as of `ref`; `shown` names it in errors. */
export async function loadCrdsFromGit(ref: string, target: string, shown: string): Promise<CrdSetResult> {
  const located = await locate(ref, target, shown);
  if (!located.ok) return located;
  const { root, relative, isDirectory } = located;
  let files: string[];
  if (isDirectory) {
    // Literal pathspecs: a folder name with `*` or `?` must not act as a glob.
    const listed = await git(
      [
        "--literal-pathspecs",
        "ls-tree",
        "-r",
        "-z",
        "--name-only",
        ref,
        "--",
        relative === "" ? "." : relative,
      ],
      root,
    );
    if (!listed.ok) return { ok: false, error: `git ls-tree failed: ${listed.message}` };
    files = listed.stdout
      .split("\0")
      .filter((f) => f !== "" && MANIFEST.test(f))
      .sort();
  } else {
    const exists = await git(["cat-file", "-e", `${ref}:${relative}`], root);
    files = exists.ok ? [relative] : [];
  }

  const crds: SourcedCrd[] = [];
  const problems: YamlProblem[] = [];
  const kubectlReadings: KubectlReading[] = [];
  for (const file of files) {
    const read = await readAtRef(ref, root, file);
    if (!read.ok) return read;
    problems.push(...read.problems);
    crds.push(...read.crds);
    kubectlReadings.push(...read.readings);
  }
  if (problems.length > 0) return { ok: false, error: describeYamlProblems(problems) };
  return { ok: true, crds, kubectlReadings };
}

/** How many leading folders two repository paths share. */
function sharedFolders(a: string, b: string): number {
  const x = a.split("/").slice(0, -1);
  const y = b.split("/").slice(0, -1);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** A CRD found outside the path that was compared, and how many other files at the ref held it. */
export interface MovedCrd {
  name: string;
  source: SourcedCrd;
  others: number;
}

/**
 * The CRDs named `names` that were elsewhere in the repository at `ref` (outside `target`): a
 * file renamed or moved since then holds the same API, and must be compared with what it held,
 * not reported as added (which would let any breaking change in it through). Where several
 * files held one, the one nearest `target` is taken. Files at `ref` that do not parse are
 * skipped: they are not what was asked for. Best effort: any git failure finds nothing.
 */
export async function findMovedCrds(
  ref: string,
  target: string,
  names: readonly string[],
): Promise<MovedCrd[]> {
  if (names.length === 0) return [];
  const located = await locate(ref, target, target);
  if (!located.ok) return [];
  const { root, relative, isDirectory, commit } = located;
  const patterns = names.flatMap((name) => ["-e", name]);
  // `git grep` on a commit lists `<commit>:<path>`; it exits 1 when nothing matches.
  const grep = await git(["grep", "-l", "-z", "-F", ...patterns, commit], root);
  if (!grep.ok) return [];
  const inTarget = (file: string): boolean =>
    isDirectory ? relative === "" || file.startsWith(`${relative}/`) : file === relative;
  const files = grep.stdout
    .split("\0")
    .filter((entry) => entry.startsWith(`${commit}:`))
    .map((entry) => entry.slice(commit.length + 1))
    .filter((file) => MANIFEST.test(file) && !inTarget(file))
    .sort();
  const wanted = new Set(names);
  const found = new Map<string, { source: SourcedCrd; file: string }[]>();
  for (const file of files) {
    const read = await readAtRef(ref, root, file);
    if (!read.ok || read.problems.length > 0) continue;
    for (const source of read.crds) {
      const name = crdName(source.crd);
      if (wanted.has(name)) found.set(name, [...(found.get(name) ?? []), { source, file }]);
    }
  }
  // A folder's path, as a file's, ends in the name its folders are compared without.
  const from = isDirectory ? `${relative}/` : relative;
  return [...found].map(([name, copies]) => {
    const nearest = copies.reduce((best, copy) =>
      sharedFolders(copy.file, from) > sharedFolders(best.file, from) ? copy : best,
    );
    return { name, source: nearest.source, others: copies.length - 1 };
  });
}
