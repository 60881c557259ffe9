/**
 * Go's `[]byte` is a base64 string in JSON (controller-gen: `type: string, format: byte`).
 * Its TypeScript counterpart `Uint8Array` maps the same way, wherever it appears.
 */
import { describe, expect, test } from "vitest";
import { specSchema, withRoot } from "../helpers/generate.js";

describe("Uint8Array", () => {
  test("is a string in format byte, as a field, a map value, a list item and through an alias", () => {
    const spec = specSchema(
      withRoot(
        `{
  binaryName: Uint8Array;
  byteSliceData?: Record<string, Uint8Array>;
  chunks?: Uint8Array[];
  /** @minLength 4 */
  tagged?: Uint8Array;
  aliased?: Bytes;
}`,
        "type Bytes = Uint8Array;",
      ),
    );
    const bytes = { type: "string", format: "byte" };
    expect(spec.properties).toEqual({
      binaryName: bytes,
      byteSliceData: { type: "object", additionalProperties: bytes },
      chunks: { type: "array", items: bytes },
      tagged: { ...bytes, minLength: 4 },
      aliased: bytes,
    });
    expect(spec.required).toEqual(["binaryName"]);
  });
});
