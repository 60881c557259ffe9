/** controller-gen's literal syntax for marker values (src/tags/go-literal.ts), read as JSON values. */
import { describe, expect, test } from "vitest";
import { goLiteralValue } from "../../src/tags/go-literal.js";

describe("goLiteralValue", () => {
  test.each([
    ["{}", {}],
    ["{a,b}", ["a", "b"]],
    ["{1, -2.5, 3e2}", [1, -2.5, 300]],
    ["{true, false}", [true, false]],
    ['{type: "PathPrefix", value: "/"}', { type: "PathPrefix", value: "/" }],
    ['{"quoted key": `raw \\ text`}', { "quoted key": "raw \\ text" }],
    ["{message: hello world, n: 1}", { message: "hello world", n: 1 }],
    ["{a: {}}", { a: {} }],
    ["{{a: 1}, {a: 2}}", [{ a: 1 }, { a: 2 }]],
    ['{{matches: {{path: {type: "PathPrefix"}}}}}', [{ matches: [{ path: { type: "PathPrefix" } }] }]],
    ["Always", "Always"],
  ])("%s", (text, value) => {
    expect(goLiteralValue(text)).toEqual(value);
  });

  test.each([
    ["{a: 1, a: 2}", "a key given twice"],
    ["{a: 1", "unclosed"],
    ["{a: 1} b", "text after the value"],
    ["{a: }", "a key without a value"],
    ["{a,,b}", "an empty item"],
    ['{a: "x}', "an unclosed string"],
  ])("%s is no literal (%s)", (text) => {
    expect(goLiteralValue(text)).toBeUndefined();
  });
});
