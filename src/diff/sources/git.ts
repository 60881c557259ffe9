/**
 * Reads the old side of a diff from git: the same file or folder as the new side, as
 * it was at `<ref>`, through `git ls-tree` and `git show` in the repository that holds
 * the new side. A file that did not exist at `<ref>` reads as an empty set.
 */
import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
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

/** Loads the CRDs under `target` (absolute; file or folder) as of `ref`; `shown` names it in errors. */
export async function loadCrdsFromGit(ref: string, target: string, shown: string): Promise<CrdSetResult> {
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
    const content = await git(["show", `${ref}:${file}`], root);
    if (!content.ok) return { ok: false, error: `git show ${ref}:${file} failed: ${content.message}` };
    const shownFile = `${ref}:${file}`;
    const parsed = parseYamlDocuments(content.stdout, shownFile);
    problems.push(...parsed.errors);
    const read = kubectlCrds(parsed, shownFile);
    crds.push(...read.crds);
    kubectlReadings.push(...read.readings);
  }
  if (problems.length > 0) return { ok: false, error: describeYamlProblems(problems) };
  return { ok: true, crds, kubectlReadings };
}
