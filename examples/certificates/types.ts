/**
 * A certificate issuer's API in the style of cert-manager: Issuers that sign, and
 * Certificates that ask to be signed. Two CRDs from one file, types shared across files.
 * Run: npx crdgen examples/certificates/types.ts --stdout
 */
import type { int32 } from "../../src/known-types.js";
import type { ObjectReference, SecretKeySelector } from "./common.js";

export enum KeyAlgorithm {
  RSA = "RSA",
  ECDSA = "ECDSA",
  Ed25519 = "Ed25519",
}

export interface PrivateKey {
  algorithm?: KeyAlgorithm;
  /**
   * Key size in bits (RSA) or curve size (ECDSA).
   * @minimum 256
   * @maximum 8192
   */
  size?: int32;
  /** Generate a new key on every renewal. */
  rotationPolicy?: "Never" | "Always";
}

export interface CertificateSpec {
  /** Secret the signed certificate and key are stored in. */
  secretName: string;
  /** Common name; prefer dnsNames. @maxLength 64 */
  commonName?: string;
  /** DNS subject alternative names. @minItems 1 */
  dnsNames?: string[];
  /** Requested lifetime, e.g. 2160h. @pattern ^([0-9]+(\.[0-9]+)?(h|m|s))+$ */
  duration?: string;
  /** How long before expiry to renew. */
  renewBefore?: string;
  /** The issuer that signs this certificate. */
  issuerRef: ObjectReference;
  privateKey?: PrivateKey;
  /** Extra labels and annotations for the Secret. */
  secretTemplate?: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

export interface CertificateStatus {
  /** When the current certificate expires. */
  notAfter?: Date;
  /** When the certificate will be renewed. */
  renewalTime?: Date;
  /** Revision of the certificate, incremented on each issuance. @minimum 1 */
  revision?: int32;
}

/**
 * A Certificate is a request for a signed X.509 certificate, kept up to date in a Secret.
 * @crd
 * @group certs.example.com
 * @version v1
 * @shortName cert
 * @shortName certs
 * @category certs
 */
export interface Certificate {
  spec: CertificateSpec;
  status?: CertificateStatus;
}

/** ACME (e.g. Let's Encrypt) account and solver configuration. */
export interface AcmeIssuer {
  /** ACME directory URL. @format uri */
  server: string;
  /** Account email. @format email */
  email?: string;
  /** Secret holding the ACME account key. */
  privateKeySecretRef: SecretKeySelector;
  /** Skip TLS verification of the ACME server (testing only). @default false */
  skipTLSVerify?: boolean;
}

/** Sign with a CA key pair stored in a Secret. */
export interface CaIssuer {
  secretName: string;
  /** OCSP servers to list in issued certificates. */
  ocspServers?: string[];
}

/** How the issuer signs. Exactly one of acme, ca or selfSigned should be set. */
export interface IssuerSpec {
  acme?: AcmeIssuer;
  ca?: CaIssuer;
  selfSigned?: Record<string, never>;
}

/**
 * A ClusterIssuer signs certificates for every namespace.
 * @crd
 * @group certs.example.com
 * @version v1
 * @scope Cluster
 * @category certs
 */
export interface ClusterIssuer {
  spec: IssuerSpec;
  status?: { ready?: boolean };
}
