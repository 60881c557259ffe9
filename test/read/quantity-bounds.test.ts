/**
 * `@minimum` on a Quantity bounds only quantities written as numbers: Kubernetes checks `minimum`
 * on numbers, and `"-1Gi"` is a string. A warning (CRD1023) says so, and its hint is the CEL rule
 * that bounds both forms (src/read/quantity-bounds.ts).
 */
import { describe, expect, test } from "vitest";
import { validateInstance } from "../../src/validate/instance/index.js";
import { generateFrom, installedCrdgen } from "../helpers/generate.js";

const PRELUDE = 'import type { Quantity, IntOrString } from "crdgen";';

const source = (doc: string, type = "Quantity") => `${PRELUDE}
/**
 * @crd
 * @group example.com
 * @version v1
 */
export interface Gadget {
  spec: {
    /** ${doc} */
    memory?: ${type};
  };
}
`;

/** crdgen's known types as a user's node_modules holds them. */
const CRDGEN = installedCrdgen(
  "export type Quantity = number | string;\nexport type IntOrString = number | string;\n",
);

function run(doc: string, type?: string) {
  return generateFrom({ "/project/types.ts": source(doc, type), ...CRDGEN });
}

describe("bounds on a Quantity", () => {
  test("@minimum: a warning whose hint is the rule that bounds strings too", () => {
    const result = run("@minimum 0");
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.message, d.hint])).toEqual([
      [
        "CRD1023",
        "warning",
        '@minimum 0 on the Quantity Gadget.spec.memory bounds only quantities written as numbers: Kubernetes checks it on numbers, and a string such as "-1Gi" passes.',
        `to bound "1Gi" as well, write @validation rule="quantity(string(self)).compareTo(quantity('0')) >= 0" message="..." (CEL compares both forms)`,
      ],
    ]);
  });

  test("the hint's rule, written, bounds both forms", () => {
    const result = run(
      `@validation rule="quantity(string(self)).compareTo(quantity('0')) >= 0" message="must not be negative"`,
    );
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const crd = result.crds[0]!;
    const gadget = (memory: unknown) => ({
      apiVersion: "example.com/v1",
      kind: "Gadget",
      metadata: { name: "g" },
      spec: { memory },
    });
    const errors = (memory: unknown) => validateInstance(crd, gadget(memory)).errors.map((e) => e.detail);
    expect(errors("-1Gi")).toEqual(["must not be negative"]);
    expect(errors(-5)).toEqual(["must not be negative"]);
    expect(errors("1Gi")).toEqual([]);
    expect(errors(5)).toEqual([]);
  });

  test("an exclusive maximum beside a minimum: both in one rule", () => {
    const [warning] = run("@minimum 1 @exclusiveMaximum 10").diagnostics;
    expect(warning!.hint).toContain(
      "quantity(string(self)).compareTo(quantity('1')) >= 0 && quantity(string(self)).compareTo(quantity('10')) < 0",
    );
  });

  test("on an alias of Quantity, once at the alias; a bound on a field of that alias too", () => {
    const aliased = source("@maximum 5", "Memory").replace(
      "/**\n * @crd",
      "/** @minimum 0 */\nexport type Memory = Quantity;\n/**\n * @crd",
    );
    const result = generateFrom({ "/project/types.ts": aliased, ...CRDGEN });
    expect(result.diagnostics.map((d) => [d.code, d.message.split(" bounds ")[0], d.location?.line])).toEqual(
      [
        ["CRD1023", "@minimum 0 on the Quantity Memory", 3],
        ["CRD1023", "@maximum 5 on the Quantity Gadget.spec.memory", 12],
      ],
    );
  });

  test("on an IntOrString (a count or a percentage), a bound on the number is what is meant: nothing said", () => {
    expect(run("@minimum 1", "IntOrString").diagnostics).toEqual([]);
  });
});
