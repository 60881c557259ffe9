/**
 * GitHub Actions workflow commands (`::error file=a.yaml,line=3::message`), which `check` and
 * `diff` print with `--format github`, and the paths they name files by. Data escapes %, CR and
 * LF; property values also `:` and `,`.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export type WorkflowLevel = "error" | "warning" | "notice";

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One command line, newline included; properties are written in the order given. */
export function workflowCommand(
  level: WorkflowLevel,
  properties: ReadonlyArray<readonly [string, string | number]>,
  message: string,
): string {
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${level}${props ? ` ${props}` : ""}::${escapeData(message)}\n`;
}

/**
 * The `file=` of an annotation. GitHub places an annotation by a path relative to the
 * repository root (the checkout, `GITHUB_WORKSPACE`), not to the step's working directory: run
 * from `deploy/`, `crds/x.yaml` names no file and the annotation stays off the diff. So a file
 * under `workspace` is named from there; else from the root of the git repository holding it;
 * else from `cwd`; else by its absolute path. Paths use `/`; names that are not paths
 * (`<stdin>`) are kept.
 */
export function annotationPath(file: string, base: AnnotationBase): string {
  if (!path.isAbsolute(file)) return file;
  for (const root of [base.workspace, gitRoot(path.dirname(file), base.gitRoots), base.cwd]) {
    const relative = root === undefined ? undefined : inside(root, file);
    if (relative !== undefined) return relative;
  }
  return file.split(path.sep).join("/");
}

export interface AnnotationBase {
  cwd: string;
  /** `GITHUB_WORKSPACE`, when set. */
  workspace: string | undefined;
  /** Repository roots found so far, by folder: a run names many files in few folders. */
  gitRoots: Map<string, string | undefined>;
}

/** The annotation base of a run: its working directory and GitHub's workspace from the environment. */
export function annotationBase(cwd: string, env: NodeJS.ProcessEnv = process.env): AnnotationBase {
  const workspace = env.GITHUB_WORKSPACE;
  return { cwd, workspace: workspace ? path.resolve(cwd, workspace) : undefined, gitRoots: new Map() };
}

/** `file` relative to `root` with `/`, when it is inside it. */
function inside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join("/");
}

/** The nearest folder from `dir` up holding `.git` (a folder, or a worktree's or submodule's file). */
function gitRoot(dir: string, found: Map<string, string | undefined>): string | undefined {
  if (found.has(dir)) return found.get(dir);
  const parent = path.dirname(dir);
  const root = existsSync(path.join(dir, ".git")) ? dir : parent === dir ? undefined : gitRoot(parent, found);
  found.set(dir, root);
  return root;
}
