/**
 * controller-gen's `pkg/crd/testdata/deprecated` package: version v1beta2 of the CronJob CRD,
 * served but deprecated (README section 1.6).
 */

/**
 * CronJob is the Schema for the cronjobs API
 * @crd
 * @group testdata.kubebuilder.io
 * @version v1beta2
 * @singular mycronjob
 * @subresource status
 * @deprecated "use v1 instead, this version causes your data center to catch fire when used on Tuesdays"
 */
export interface CronJob {
  // The Go root has only TypeMeta and ObjectMeta; crdgen requires every root to declare a
  // spec, so this version carries an empty one (a known difference in the comparison test).
  spec?: Record<string, never>;
}
