/** PathStack spells every path exactly as the string helpers of errors.ts build it. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { child, index, key } from "../../src/validate/errors.js";
import { PathStack } from "../../src/validate/path-stack.js";

type Op =
  | { op: "child"; name: string }
  | { op: "key"; name: string }
  | { op: "index"; i: number }
  | { op: "pop"; n: number }
  | { op: "text" };

const name = fc.constantFrom("", "a", "properties", "x.y", "[0]", "__proto__", "items");
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("child" as const), name }),
  fc.record({ op: fc.constant("key" as const), name }),
  fc.record({ op: fc.constant("index" as const), i: fc.nat({ max: 12 }) }),
  fc.record({ op: fc.constant("pop" as const), n: fc.integer({ min: 1, max: 3 }) }),
  fc.constant({ op: "text" as const }),
);

describe("PathStack", () => {
  it("matches child/index/key after any pushes and pops", () => {
    fc.assert(
      fc.property(fc.constantFrom("", "spec.validation.openAPIV3Schema"), fc.array(op), (root, ops) => {
        const stack = new PathStack(root);
        const expected: string[] = [root];
        for (const o of ops) {
          const top = expected[expected.length - 1]!;
          if (o.op === "child") {
            stack.child(o.name);
            expected.push(child(top, o.name));
          } else if (o.op === "key") {
            stack.key(o.name);
            expected.push(key(top, o.name));
          } else if (o.op === "index") {
            stack.index(o.i);
            expected.push(index(top, o.i));
          } else if (o.op === "pop") {
            const n = Math.min(o.n, expected.length - 1);
            if (n === 0) continue;
            stack.pop(n);
            expected.length -= n;
          }
          expect(stack.text()).toBe(expected[expected.length - 1]);
          expect(stack.childText("type")).toBe(child(expected[expected.length - 1]!, "type"));
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
