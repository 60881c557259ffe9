/**
 * Tags that exist for parity with controller-gen markers beyond the core set
 * (filled in by the controller-gen CronJob reproduction work).
 */
import type { RegisteredTag } from "./registry.js";

export const controllerGenTags: RegisteredTag[] = [];
