/**
 * The string formats kube-openapi's default registry checks (anything else is ignored),
 * approximated with the same acceptance rules as Go's strfmt package.
 */

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * Whether the numbers of a date (and a time) name a real one, as Go's time.Parse checks them
 * ("day out of range" for 2024-02-30, "month out of range" for 2024-13-01): the shape alone let
 * them through, and JavaScript's Date rolls Feb 30 over to Mar 1.
 */
function inCalendar(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const n = (group: number) => Number(m[group] ?? 0);
  const [year, month, day] = [n(1), n(2), n(3)];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days && n(4) <= 23 && n(5) <= 59 && n(6) <= 59;
}
const DURATION =
  /^[-+]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w)(\s*[-+]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w))*$|^0$/;
const HOSTNAME =
  /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const MAC = /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/;
const HEXCOLOR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const RGBCOLOR = /^rgb\(\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*\)$/;
const BSON = /^[0-9a-fA-F]{24}$/;
const SSN = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function isIPv4(s: string): boolean {
  const parts = s.split(".");
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(":") || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  const double = s.split("::");
  if (double.length > 2) return false;
  const groups = s.split(":").filter((g) => g !== "");
  const last = groups[groups.length - 1] ?? "";
  const v4 = last.includes(".");
  if (v4 && !isIPv4(last)) return false;
  const count = groups.length + (v4 ? 1 : 0);
  const hexOk = groups.slice(0, v4 ? -1 : undefined).every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
  return hexOk && (double.length === 2 ? count < 8 : count === 8);
}

function isCIDR(s: string): boolean {
  const [ip, bits, ...rest] = s.split("/");
  if (rest.length > 0 || ip === undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  if (isIPv4(ip)) return Number(bits) <= 32;
  return isIPv6(ip) && Number(bits) <= 128;
}

function isURI(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return /^[^\s]*$/.test(s) && s.length > 0;
  }
}

function isISBN10(s: string): boolean {
  return /^(?:\d[- ]?){9}[\dXx]$/.test(s);
}

function isISBN13(s: string): boolean {
  return /^(?:\d[- ]?){12}\d$/.test(s);
}

const CHECKS: Record<string, (s: string) => boolean> = {
  bsonobjectid: (s) => BSON.test(s),
  byte: (s) => BASE64.test(s.replace(/[\r\n]/g, "")),
  creditcard: (s) => /^\d{13,19}$/.test(s.replace(/[- ]/g, "")),
  date: (s) => inCalendar(DATE.exec(s)),
  datetime: (s) => inCalendar(DATE_TIME.exec(s)),
  duration: (s) => DURATION.test(s.trim()),
  email: (s) => EMAIL.test(s),
  hexcolor: (s) => HEXCOLOR.test(s),
  hostname: (s) => s.length <= 255 && HOSTNAME.test(s),
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: isCIDR,
  isbn: (s) => isISBN10(s) || isISBN13(s),
  isbn10: isISBN10,
  isbn13: isISBN13,
  mac: (s) => MAC.test(s),
  password: () => true,
  rgbcolor: (s) => RGBCOLOR.test(s),
  ssn: (s) => SSN.test(s),
  uri: isURI,
  uuid: (s) => UUID.test(s),
  uuid3: (s) => UUID3.test(s),
  uuid4: (s) => UUID4.test(s),
  uuid5: (s) => UUID5.test(s),
};

/** The check of a format; names are compared without dashes, as strfmt's registry does. */
function checkOf(format: string): ((s: string) => boolean) | undefined {
  const name = format.includes("-") ? format.replace(/-/g, "") : format;
  return Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
}

/**
 * Whether the API server keeps `format` in the schema it validates with: it strips the formats
 * it does not support (`StripUnsupportedFormatsPostProcess`), so they affect no check at all.
 */
export function isSupportedFormat(format: string): boolean {
  return checkOf(format) !== undefined;
}

/** undefined when the format is unknown (not checked), else whether `value` conforms. */
export function checkFormat(format: string, value: string): boolean | undefined {
  return checkOf(format)?.(value);
}
