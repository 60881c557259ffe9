/**
 * `@default Phase.Pending` on a property of enum type `Phase` means the member's value, which is
 * what the API server fills in; read as JSON it would be the string "Phase.Pending", which the
 * enum refuses with a message that does not say why.
 */
import { describe, expect, test } from "vitest";
import { ENTRY, errorsOf, specSchema, withRoot } from "../helpers/generate.js";

const PHASE = 'export enum Phase { Pending = "pending", Done = "done" }';

describe("@default naming an enum member", () => {
  test("is the member's value", () => {
    const spec = specSchema(withRoot("{\n  /** @default Phase.Pending */\n  phase?: Phase;\n}", PHASE));
    expect(spec.properties!.phase).toMatchObject({ default: "pending", enum: ["pending", "done"] });
  });

  test("of a numeric enum, members without a value counting on", () => {
    const spec = specSchema(
      withRoot(
        "{\n  /**\n   * Level.\n   * @default Level.High\n   */\n  level?: Level | undefined;\n}",
        "enum Level { Low = -1, Mid, High }",
      ),
    );
    expect(spec.properties!.level).toMatchObject({ default: 1, enum: [-1, 0, 1] });
  });

  test("on a named type, and with the enum declared in a namespace", () => {
    const spec = specSchema(
      withRoot(
        "{\n  mode?: Mode;\n}",
        'namespace ns { export enum Kind { A = "a" } }\nenum Kind { B = "b" }\n/** @default Kind.B */\ntype Mode = Kind;',
      ),
    );
    expect(spec.properties!.mode).toMatchObject({ default: "b" });
  });

  test("only where the type is that enum: elsewhere a dotted word is a string", () => {
    const spec = specSchema(withRoot("{\n  /** @default example.com */\n  domain?: string;\n}"));
    expect(spec.properties!.domain!.default).toBe("example.com");
  });

  test("of an enum imported from another file, and of a computed member", () => {
    const spec = specSchema({
      [ENTRY]: withRoot(
        "{\n  /** @default Phase.Pending */\n  phase?: Phase;\n  /** @default Both.AB */\n  both?: Both;\n}",
        'import { Phase, Both } from "./phase.js";',
      ),
      "/project/phase.ts": `${PHASE}\nexport enum Both { A = "a", AB = A + "b" }`,
    });
    expect(spec.properties!.phase).toMatchObject({ default: "pending" });
    expect(spec.properties!.both).toMatchObject({ default: "ab" });
  });

  test("a member the enum does not have is an error naming those it has", () => {
    const errors = errorsOf(withRoot("{\n  /** @default Phase.Paused */\n  phase?: Phase;\n}", PHASE));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: "CRD1004",
      message: "@default Phase.Paused names no member of the enum Phase.",
      hint: "write one of Phase.Pending, Phase.Done",
    });
  });
});
