/**
 * Kubernetes' escaping of property names into CEL identifiers (apiserver/pkg/cel/escaping.go and
 * its table test), and the plain-identifier fast path held to the general rules on random names.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CEL_RESERVED_SYMBOLS, escapeCelName } from "../../src/validate/cel/escaping.js";

/** The rules as escaping.go writes them: the reference for the fast path. */
function reference(name: string): string | undefined {
  if (name.length === 0 || /^[0-9]/.test(name)) return undefined;
  if (CEL_RESERVED_SYMBOLS.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z0-9_./-]*$/.test(name)) return undefined;
  return name.replace(/__|[./-]/g, (part) =>
    part === "__" ? "__underscores__" : part === "." ? "__dot__" : part === "-" ? "__dash__" : "__slash__",
  );
}

describe("escapeCelName", () => {
  it.each([
    ["foo", "foo"],
    ["FooBar", "FooBar"],
    ["foo_bar", "foo_bar"],
    ["_foo", "_foo"],
    ["foo_", "foo_"],
    ["a1", "a1"],
    ["namespace", "__namespace__"],
    ["if", "__if__"],
    ["true", "__true__"],
    ["foo__bar", "foo__underscores__bar"],
    ["__foo", "__underscores__foo"],
    ["___", "__underscores___"],
    ["foo.bar", "foo__dot__bar"],
    ["foo-bar", "foo__dash__bar"],
    ["foo/bar", "foo__slash__bar"],
    ["x-kubernetes-foo", "x__dash__kubernetes__dash__foo"],
  ])("escapes %j as %j", (name, escaped) => {
    expect(escapeCelName(name)).toBe(escaped);
  });

  it.each(["", "1foo", "9", "foo bar", "foo:bar", "föo", "foo@bar", "$ref"])(
    "does not expose %j to CEL",
    (name) => {
      expect(escapeCelName(name)).toBeUndefined();
    },
  );

  it("agrees with escaping.go's rules on random names", () => {
    const chars = fc.constantFrom(..."aZ09_./-:é ".split(""), "__", "if", "in", "namespace");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), (parts) => {
        const name = parts.join("");
        expect(escapeCelName(name)).toBe(reference(name));
      }),
      { numRuns: 2000 },
    );
  });
});
