/** Types shared by the certificate API's resources. */

/** A reference to an object in the same namespace (or cluster-wide for cluster kinds). */
export interface ObjectReference {
  /** Name of the referent. @minLength 1 */
  name: string;
  /** Kind of the referent. */
  kind?: "Issuer" | "ClusterIssuer";
  /** Group of the referent. */
  group?: string;
}

/** A key within a Secret. */
export interface SecretKeySelector {
  /** Name of the Secret. */
  name: string;
  /** Key of the entry in the Secret's data. @default "tls.key" */
  key?: string;
}
