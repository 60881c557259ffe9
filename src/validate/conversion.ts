/** `spec.conversion` rules (reference §4 P3, C1–C7). */
import type { FieldError } from "./field-error.js";
import { child, forbidden, index, invalid, notSupported, required } from "./errors.js";
import { isDNS1035Label } from "./dns.js";
import type { InternalConversion } from "./model.js";
import type { ValidationOptions } from "./options.js";
import { validateWebhookService, validateWebhookURL } from "./webhook.js";

const ACCEPTED_REVIEW_VERSIONS = ["v1", "v1beta1"];

export function validateConversion(
  conversion: InternalConversion | undefined,
  preserveUnknownFields: boolean,
  opts: ValidationOptions,
): FieldError[] {
  const path = "spec.conversion";
  if (!conversion) return [];
  const errs: FieldError[] = [];
  if (conversion.strategy !== "None" && preserveUnknownFields) {
    errs.push(
      invalid(
        child(path, "strategy"),
        conversion.strategy,
        "must be None if spec.preserveUnknownFields is true",
      ),
    );
  }
  if (!conversion.strategy) errs.push(required(child(path, "strategy"), ""));
  else if (conversion.strategy !== "None" && conversion.strategy !== "Webhook") {
    errs.push(notSupported(child(path, "strategy"), conversion.strategy, ["None", "Webhook"]));
  }
  const ccPath = child(path, "webhookClientConfig");
  const reviewPath = child(path, "conversionReviewVersions");
  if (conversion.strategy === "Webhook") {
    const cc = conversion.webhookClientConfig;
    if (!cc) errs.push(required(ccPath, "required when strategy is set to Webhook"));
    else {
      if ((cc.url === undefined) === (cc.service === undefined))
        errs.push(required(ccPath, "exactly one of url or service is required"));
      else if (cc.url !== undefined) errs.push(...validateWebhookURL(child(ccPath, "url"), cc.url, true));
      else if (cc.service) {
        const svc = cc.service;
        errs.push(
          ...validateWebhookService(child(ccPath, "service"), svc.namespace, svc.name, svc.path, svc.port),
        );
      }
      if (cc.caBundle && !opts.allowInvalidCABundle && !looksLikePem(cc.caBundle)) {
        errs.push(
          invalid(
            child(ccPath, "caBundle"),
            cc.caBundle,
            "unable to load root certificates: unable to parse bytes as PEM block",
          ),
        );
      }
    }
    errs.push(
      ...validateReviewVersions(
        conversion.conversionReviewVersions,
        opts.requireRecognizedConversionReviewVersion,
        reviewPath,
      ),
    );
  } else {
    if (conversion.webhookClientConfig)
      errs.push(forbidden(ccPath, "should not be set when strategy is not set to Webhook"));
    if (conversion.conversionReviewVersions.length > 0)
      errs.push(forbidden(reviewPath, "should not be set when strategy is not set to Webhook"));
  }
  return errs;
}

function looksLikePem(base64: string): boolean {
  return Buffer.from(base64, "base64").toString("latin1").includes("-----BEGIN CERTIFICATE-----");
}

function validateReviewVersions(versions: string[], requireRecognized: boolean, path: string): FieldError[] {
  if (versions.length === 0) return [required(path, "")];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  let accepted = false;
  versions.forEach((v, i) => {
    if (seen.has(v)) {
      errs.push(invalid(index(path, i), v, "duplicate version"));
      return;
    }
    seen.add(v);
    for (const msg of isDNS1035Label(v)) errs.push(invalid(index(path, i), v, msg));
    if (ACCEPTED_REVIEW_VERSIONS.includes(v)) accepted = true;
  });
  if (requireRecognized && !accepted) {
    errs.push(invalid(path, versions, `must include at least one of ${ACCEPTED_REVIEW_VERSIONS.join(", ")}`));
  }
  return errs;
}
