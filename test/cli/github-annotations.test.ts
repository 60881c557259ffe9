/**
 * `--format github` of `check` and `diff` names files from the repository root (or
 * GITHUB_WORKSPACE), where GitHub looks for them, when run from a subfolder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { crdWithSpec, object } from "../helpers/crds.js";
import { runCli } from "../helpers/cli.js";

let root: string;
let deploy: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "crdgen-github-"));
  mkdirSync(path.join(root, ".git"));
  deploy = path.join(root, "deploy");
  mkdirSync(path.join(deploy, "crds"), { recursive: true });
  // A warning for check (CRD2002, in a second document), and a removed field for diff.
  const spec = (fields: string[]) => object(Object.fromEntries(fields.map((f) => [f, { type: "string" }])));
  writeFileSync(
    path.join(deploy, "crds", "x.yaml"),
    `${stringify(crdWithSpec(spec(["kept"])))}---\napiVersion: v1\nkind: ConfigMap\ndata:\n  flag: yes\n`,
  );
  writeFileSync(path.join(deploy, "old.yaml"), stringify(crdWithSpec(spec(["kept", "gone"]))));
  vi.stubEnv("GITHUB_WORKSPACE", "");
});
afterEach(() => vi.unstubAllEnvs());

const files = (stdout: string) => [...stdout.matchAll(/file=([^,:]+)/g)].map((m) => m[1]);

describe("--format github run from a subfolder of the repository", () => {
  it("check names files from the repository root", async () => {
    const result = await runCli(["check", "--format", "github", "crds"], deploy);
    expect(files(result.stdout)).toEqual(["deploy/crds/x.yaml"]);
  });

  it("diff names files from the repository root", async () => {
    const result = await runCli(["diff", "--format", "github", "old.yaml", "crds/x.yaml"], deploy);
    expect(result.stdout).toContain("field-removed");
    expect(files(result.stdout)).toEqual(["deploy/crds/x.yaml"]);
  });

  it("both name files from GITHUB_WORKSPACE when it is set and holds them", async () => {
    vi.stubEnv("GITHUB_WORKSPACE", deploy);
    const crds = path.join(deploy, "crds");
    const check = await runCli(["check", "--format", "github", "."], crds);
    const diff = await runCli(["diff", "--format", "github", "../old.yaml", "x.yaml"], crds);
    expect([...files(check.stdout), ...files(diff.stdout)]).toEqual(["crds/x.yaml", "crds/x.yaml"]);
  });
});
