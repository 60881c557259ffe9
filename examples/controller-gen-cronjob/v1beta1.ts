/**
 * controller-gen's `pkg/crd/testdata/unserved` package: version v1beta1 of the CronJob CRD,
 * declared but not served (README section 1.6).
 */
import type { int32 } from "../../src/known-types.js";

/** CronJobSpec defines the desired state of CronJob */
export interface CronJobSpec {
  /**
   * This tests that markers that are allowed on both fields and types are applied to fields
   * @minLength 4
   */
  twoOfAKindPart0: string;

  /**
   * @minimum -2
   * @maximum 2
   * @multipleOf 2
   */
  int32WithValidations: int32;
}

/**
 * CronJob is the Schema for the cronjobs API
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1beta1
 * @singular mycronjob
 * @subresource status
 * @served false
 */
export interface CronJob {
  spec?: CronJobSpec;
}
