/** Where a change sits in the new files, for formats that can point at a line. */
import type { CrdChange } from "../types.js";

export interface SourceLocation {
  file: string;
  line: number;
}

export type Locate = (change: CrdChange) => SourceLocation | undefined;

export const locateNothing: Locate = () => undefined;
