/**
 * Types users import from crdgen to say what TypeScript cannot: `replicas: int32`.
 * crdgen recognises them by name, so a project may also declare its own aliases.
 */

/** A 32-bit integer: `type: integer, format: int32`. */
export type int32 = number;
/** A 64-bit integer: `type: integer, format: int64`. */
export type int64 = number;
/** An integer without a format: `type: integer`. */
export type integer = number;
