/** Annotation paths (src/diagnostics/workflow-command.ts): from the root GitHub places files by. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { annotationBase, annotationPath, workflowCommand } from "../../src/diagnostics/workflow-command.js";

/** A repository (a `.git` folder, or a worktree's `.git` file) with `deploy/crds/x.yaml` in it. */
function repository(gitEntry: "folder" | "file"): { root: string; file: string; deploy: string } {
  const root = mkdtempSync(path.join(tmpdir(), "crdgen-annotations-"));
  if (gitEntry === "folder") mkdirSync(path.join(root, ".git"));
  else writeFileSync(path.join(root, ".git"), "gitdir: /elsewhere/.git/worktrees/x\n");
  const deploy = path.join(root, "deploy");
  mkdirSync(path.join(deploy, "crds"), { recursive: true });
  return { root, deploy, file: path.join(deploy, "crds", "x.yaml") };
}

describe("annotationPath", () => {
  it.each(["folder", "file"] as const)(
    "names a file from the root of its repository (.git %s), not the working directory",
    (gitEntry) => {
      const { deploy, file } = repository(gitEntry);
      const base = annotationBase(deploy, {});
      expect(annotationPath(file, base)).toBe("deploy/crds/x.yaml");
    },
  );

  it("names a file under GITHUB_WORKSPACE from there", () => {
    const { root, deploy, file } = repository("folder");
    const base = annotationBase(deploy, { GITHUB_WORKSPACE: path.join(root, "deploy") });
    expect(annotationPath(file, base)).toBe("crds/x.yaml");
  });

  it("ignores GITHUB_WORKSPACE for a file outside it, and falls back to the working directory", () => {
    const { deploy, file } = repository("folder");
    const elsewhere = mkdtempSync(path.join(tmpdir(), "crdgen-annotations-"));
    const outside = path.join(elsewhere, "a", "b.yaml");
    const base = annotationBase(elsewhere, { GITHUB_WORKSPACE: deploy });
    expect(annotationPath(file, base)).toBe("crds/x.yaml");
    expect(annotationPath(outside, base)).toBe("a/b.yaml");
    expect(annotationPath(outside, annotationBase(deploy, {}))).toBe(outside.split(path.sep).join("/"));
  });

  it("keeps names that are not paths", () => {
    expect(annotationPath("<stdin>", annotationBase(tmpdir(), {}))).toBe("<stdin>");
  });
});

describe("workflowCommand", () => {
  it("escapes properties and data", () => {
    expect(
      workflowCommand(
        "error",
        [
          ["file", "a:b,c.yaml"],
          ["line", 3],
        ],
        "50%\nok",
      ),
    ).toBe("::error file=a%3Ab%2Cc.yaml,line=3::50%25%0Aok\n");
  });
});
