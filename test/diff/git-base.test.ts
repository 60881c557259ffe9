import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { crd, crdWithSpec, object } from "../helpers/crds.js";
import { run, tempDir, writeYaml } from "./cli-helpers.js";

let dir: string;
let cleanup: () => void;

function git(...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    // A fixed identity and no user config, so the test runs the same on any machine.
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
  });
}

function commitAll(message: string): void {
  git("add", "-A");
  git("-c", "user.name=crdgen test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir("git"));
  git("init", "-q");
  writeYaml(dir, "deploy/crds/widgets.yaml", [
    crdWithSpec(object({ replicas: { type: "integer" }, image: { type: "string" } })),
  ]);
  writeYaml(dir, "deploy/crds/more/gadgets.yaml", [crd({ plural: "gadgets", kind: "Gadget" })]);
  writeFileSync(path.join(dir, "deploy/crds/README.md"), "not yaml: [\n");
  commitAll("base");
  // The working tree then changes: widgets loses `image`, gadgets moves to Cluster scope.
  writeYaml(dir, "deploy/crds/widgets.yaml", [crdWithSpec(object({ replicas: { type: "integer" } }))]);
  writeYaml(dir, "deploy/crds/more/gadgets.yaml", [
    crd({ plural: "gadgets", kind: "Gadget", scope: "Cluster" }),
  ]);
});
afterEach(() => cleanup());

describe("crdgen diff --base", () => {
  it("reads the old side of a folder from git", async () => {
    const result = await run(["--base", "HEAD", "--format", "json", "deploy/crds"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const { changes } = JSON.parse(result.stdout) as { changes: { crd: string; kind: string }[] };
    expect(changes.map((c) => [c.crd, c.kind])).toEqual([
      ["gadgets.example.com", "scope-changed"],
      ["widgets.example.com", "field-removed"],
    ]);
  });

  it("reads the old side of a single file, from a subfolder as working directory", async () => {
    const result = await run(
      ["--base", "HEAD", "--format", "json", "widgets.yaml"],
      path.join(dir, "deploy/crds"),
    );
    const { changes } = JSON.parse(result.stdout) as { changes: { kind: string }[] };
    expect(changes.map((c) => c.kind)).toEqual(["field-removed"]);
  });

  it("finds nothing once the change is committed", async () => {
    commitAll("change");
    const result = await run(["--base", "HEAD", "deploy/crds"], dir);
    expect(result).toMatchObject({ code: 0, stdout: "No API changes.\n" });
    const previous = await run(["--base", "HEAD~1", "--allow-breaking", "deploy/crds"], dir);
    expect(previous.code).toBe(0);
    expect(previous.stdout).toContain("scope-changed");
  });

  it("treats a file that did not exist at the ref as all new", async () => {
    writeFileSync(
      path.join(dir, "deploy/crds/things.yaml"),
      stringify(crd({ plural: "things", kind: "Thing" })),
    );
    const result = await run(["--base", "HEAD", "--format", "json", "deploy/crds/things.yaml"], dir);
    expect(result.code).toBe(0);
    const { changes } = JSON.parse(result.stdout) as { changes: { kind: string }[] };
    expect(changes.map((c) => c.kind)).toEqual(["crd-added"]);
  });

  // Reported as added, the renamed file's breaking change (widgets loses `image`) would pass CI.
  it("compares a renamed file with the file that held its CRD at the ref", async () => {
    git("mv", "deploy/crds/widgets.yaml", "deploy/crds/example.com_widgets.yaml");
    const result = await run(
      ["--base", "HEAD", "--format", "json", "deploy/crds/example.com_widgets.yaml"],
      dir,
    );
    expect(result.code).toBe(1);
    const { changes } = JSON.parse(result.stdout) as { changes: { kind: string }[] };
    expect(changes.map((c) => c.kind)).toEqual(["field-removed"]);
    expect(result.stderr).toBe(
      "crdgen diff: note: widgets.example.com is not in HEAD:deploy/crds/example.com_widgets.yaml; compared with HEAD:deploy/crds/widgets.yaml, where it was\n",
    );
  });

  it("compares a moved folder's CRDs with where they were, the nearest copy first", async () => {
    // An older copy elsewhere in the repository (a chart's) must not be taken for the CRD's source.
    writeYaml(dir, "charts/app/crds/widgets.yaml", [crdWithSpec(object({}))]);
    writeYaml(dir, "config/crds/widgets.yaml", [
      crdWithSpec(object({ replicas: { type: "integer" }, image: { type: "string" } })),
    ]);
    commitAll("copies");
    rmSync(path.join(dir, "config/crds"), { recursive: true });
    mkdirSync(path.join(dir, "config/crd/bases"), { recursive: true });
    writeYaml(dir, "config/crd/bases/widgets.yaml", [
      crdWithSpec(object({ replicas: { type: "integer" }, image: { type: "string" } })),
    ]);
    const result = await run(["--base", "HEAD", "config/crd"], dir);
    expect(result).toMatchObject({ code: 0, stdout: "No API changes.\n" });
    expect(result.stderr).toBe(
      "crdgen diff: note: widgets.example.com is not in HEAD:config/crd; compared with HEAD:config/crds/widgets.yaml (the nearest of 3 files that held it), where it was\n",
    );
  });

  it("exits 2 on an unknown ref", async () => {
    const result = await run(["--base", "no-such-ref", "deploy/crds"], dir);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe('crdgen diff: unknown git ref "no-such-ref"\n');
  });

  it("exits 2 outside a git repository", async () => {
    rmSync(path.join(dir, ".git"), { recursive: true, force: true });
    const outside = path.join(dir, "plain");
    mkdirSync(outside);
    writeYaml(outside, "a.yaml", [crd()]);
    const result = await run(["--base", "HEAD", "a.yaml"], outside);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("a.yaml is not inside a git repository");
  });

  // Invalid YAML at the ref is about the input, not the arguments: exit 1, as for files on disk.
  it("exits 1 with git's path when the old side has invalid YAML", async () => {
    writeFileSync(path.join(dir, "deploy/crds/widgets.yaml"), "kind: [broken\n");
    commitAll("break it");
    writeYaml(dir, "deploy/crds/widgets.yaml", [crd()]);
    const result = await run(["--base", "HEAD", "deploy/crds"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HEAD:deploy\/crds\/widgets\.yaml:\d+:\d+: /);
  });

  describe("a ref the clone lacks, as in CI", () => {
    /** A clone of the test repository (whose branch `feature` is one commit ahead), at `clonePath`. */
    function cloneWith(args: string[]): string {
      commitAll("change");
      git("branch", "feature");
      const clonePath = path.join(dir, "..", `${path.basename(dir)}-clone`);
      execFileSync("git", ["clone", "-q", ...args, `file://${dir}`, clonePath], {
        env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
      });
      const done = cleanup;
      cleanup = () => {
        rmSync(clonePath, { recursive: true, force: true });
        done();
      };
      return clonePath;
    }

    it("in a shallow clone, says to fetch it", async () => {
      const clone = cloneWith(["--depth=1", "--single-branch"]);
      const result = await run(["--base", "origin/feature", "deploy/crds"], clone);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        'crdgen diff: unknown git ref "origin/feature": this clone is shallow and does not hold it; fetch it first (git fetch --depth=1 origin feature), or check out with fetch-depth: 0\n',
      );
    });

    it("a branch only the remote has: did you mean origin/<branch>?", async () => {
      const clone = cloneWith([]);
      const result = await run(["--base", "feature", "deploy/crds"], clone);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe('crdgen diff: unknown git ref "feature" (did you mean origin/feature?)\n');
      const meant = await run(["--base", "origin/feature", "deploy/crds"], clone);
      expect(meant).toMatchObject({ code: 0, stdout: "No API changes.\n" });
    });
  });
});
