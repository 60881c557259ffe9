import { isIPv4, isIPv6 } from "node:net";
import type { Environment } from "@marcbachmann/cel-js";
import { namespace } from "./namespace.js";

/** Kubernetes' IP and CIDR libraries (Kubernetes 1.30+), parsed the strict way Go's netip does. */

export class IPAddress {
  constructor(readonly bytes: Uint8Array) {}
  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }
  toString(): string {
    if (this.family === 4) return [...this.bytes].join(".");
    const groups: number[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((this.bytes[i] ?? 0) << 8) | (this.bytes[i + 1] ?? 0));
    // RFC 5952: compress the longest run (length ≥ 2) of zero groups.
    let bestStart = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
      if (groups[i] !== 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > bestLen && j - i >= 2) [bestStart, bestLen] = [i, j - i];
      i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0) return hex.join(":");
    return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
  }
}

export class CIDRBlock {
  constructor(
    readonly address: IPAddress,
    readonly prefix: number,
  ) {}
  toString(): string {
    return `${this.address.toString()}/${this.prefix}`;
  }
}

function parseIPv4(text: string): Uint8Array | undefined {
  if (!isIPv4(text)) return undefined;
  const parts = text.split(".");
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) return undefined;
  return Uint8Array.from(parts.map(Number));
}

function parseIPv6(text: string): Uint8Array | undefined {
  if (!isIPv6(text) || text.includes("%")) return undefined;
  let head = text;
  let tail4: Uint8Array | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tail4 = parseIPv4(text.slice(lastColon + 1));
    if (!tail4) return undefined;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [left = "", right] = head.split("::");
  const l = left ? left.split(":") : [];
  const r = right !== undefined && right !== "" ? right.split(":") : [];
  const missing = 8 - l.length - r.length;
  const groups = [...l, ...(right !== undefined ? Array<string>(missing).fill("0") : []), ...r].map((g) =>
    parseInt(g, 16),
  );
  if (groups.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  if (tail4) bytes.set(tail4, 12);
  return bytes;
}

function isV4Mapped(bytes: Uint8Array): boolean {
  return (
    bytes.length === 16 &&
    bytes.slice(0, 10).every((b) => b === 0) &&
    bytes[10] === 0xff &&
    bytes[11] === 0xff
  );
}

/** The IP, or the error Kubernetes reports for the string. */
export function parseIP(text: string): IPAddress | Error {
  if (text.includes("%")) return new Error("IP address with zone value is not allowed");
  const bytes = parseIPv4(text) ?? parseIPv6(text);
  if (!bytes)
    return new Error(
      `IP Address "${text}" parse error during conversion from string: ParseAddr("${text}"): unable to parse IP`,
    );
  if (isV4Mapped(bytes)) return new Error("IPv4-mapped IPv6 address is not allowed");
  return new IPAddress(bytes);
}

export function parseCIDR(text: string): CIDRBlock | Error {
  const slash = text.indexOf("/");
  const prefixText = text.slice(slash + 1);
  if (slash < 0 || !/^(0|[1-9][0-9]*)$/.test(prefixText)) {
    return new Error(
      `network address parse error during conversion from string: netip.ParsePrefix("${text}"): bad bits`,
    );
  }
  const ip = parseIP(text.slice(0, slash));
  if (ip instanceof Error) return ip;
  const prefix = Number(prefixText);
  if (prefix > ip.bytes.length * 8) {
    return new Error(
      `network address parse error during conversion from string: netip.ParsePrefix("${text}"): prefix length out of range`,
    );
  }
  return new CIDRBlock(ip, prefix);
}

function mask(ip: IPAddress, prefix: number): IPAddress {
  const bytes = Uint8Array.from(ip.bytes);
  for (let bit = prefix; bit < bytes.length * 8; bit++)
    bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) & ~(0x80 >> (bit & 7));
  return new IPAddress(bytes);
}

function containsIP(cidr: CIDRBlock, ip: IPAddress): boolean {
  if (ip.bytes.length !== cidr.address.bytes.length) return false;
  return mask(ip, cidr.prefix).toString() === mask(cidr.address, cidr.prefix).toString();
}

function orThrow<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}

function isLoopback(ip: IPAddress): boolean {
  return ip.family === 4
    ? ip.bytes[0] === 127
    : ip.bytes.slice(0, 15).every((b) => b === 0) && ip.bytes[15] === 1;
}

export function registerNetLibrary(env: Environment): void {
  const IP = "net.IP";
  const CIDR = "net.CIDR";
  env.registerType(IP, IPAddress);
  env.registerType(CIDR, CIDRBlock);
  env.registerFunction(`ip(string): ${IP}`, (s: string) => orThrow(parseIP(s)));
  env.registerFunction("isIP(string): bool", (s: string) => !(parseIP(s) instanceof Error));
  env.registerFunction(`string(${IP}): string`, (ip: IPAddress) => ip.toString());
  env.registerFunction(`${IP}.family(): int`, (ip: IPAddress) => BigInt(ip.family));
  env.registerFunction(`${IP}.isUnspecified(): bool`, (ip: IPAddress) => ip.bytes.every((b) => b === 0));
  env.registerFunction(`${IP}.isLoopback(): bool`, (ip: IPAddress) => isLoopback(ip));
  env.registerFunction(`${IP}.isLinkLocalMulticast(): bool`, (ip: IPAddress) =>
    ip.family === 4
      ? ip.bytes[0] === 224 && ip.bytes[1] === 0 && ip.bytes[2] === 0
      : ip.bytes[0] === 0xff && ((ip.bytes[1] ?? 0) & 0x0f) === 0x02,
  );
  env.registerFunction(`${IP}.isLinkLocalUnicast(): bool`, (ip: IPAddress) =>
    ip.family === 4
      ? ip.bytes[0] === 169 && ip.bytes[1] === 254
      : ip.bytes[0] === 0xfe && ((ip.bytes[1] ?? 0) & 0xc0) === 0x80,
  );
  env.registerFunction(`${IP}.isGlobalUnicast(): bool`, (ip: IPAddress) => {
    if (ip.bytes.every((b) => b === 0) || isLoopback(ip)) return false;
    if (ip.family === 4) {
      const [a = 0, b = 0] = ip.bytes;
      return !(a >= 224 || (a === 169 && b === 254) || ip.bytes.every((x) => x === 255));
    }
    return !(ip.bytes[0] === 0xff || (ip.bytes[0] === 0xfe && ((ip.bytes[1] ?? 0) & 0xc0) === 0x80));
  });
  namespace(env, "ip", "IPNamespace");
  env.registerFunction(
    "IPNamespace.isCanonical(string): bool",
    (_: unknown, s: string) => orThrow(parseIP(s)).toString() === s,
  );
  env.registerFunction(`cidr(string): ${CIDR}`, (s: string) => orThrow(parseCIDR(s)));
  env.registerFunction("isCIDR(string): bool", (s: string) => !(parseCIDR(s) instanceof Error));
  env.registerFunction(`string(${CIDR}): string`, (c: CIDRBlock) => c.toString());
  env.registerFunction(`${CIDR}.ip(): ${IP}`, (c: CIDRBlock) => c.address);
  env.registerFunction(`${CIDR}.prefixLength(): int`, (c: CIDRBlock) => BigInt(c.prefix));
  env.registerFunction(
    `${CIDR}.masked(): ${CIDR}`,
    (c: CIDRBlock) => new CIDRBlock(mask(c.address, c.prefix), c.prefix),
  );
  env.registerFunction(`${CIDR}.containsIP(${IP}): bool`, (c: CIDRBlock, ip: IPAddress) => containsIP(c, ip));
  env.registerFunction(`${CIDR}.containsIP(string): bool`, (c: CIDRBlock, s: string) =>
    containsIP(c, orThrow(parseIP(s))),
  );
  env.registerFunction(
    `${CIDR}.containsCIDR(${CIDR}): bool`,
    (c: CIDRBlock, o: CIDRBlock) => o.prefix >= c.prefix && containsIP(c, o.address),
  );
  env.registerFunction(`${CIDR}.containsCIDR(string): bool`, (c: CIDRBlock, s: string) => {
    const o = orThrow(parseCIDR(s));
    return o.prefix >= c.prefix && containsIP(c, o.address);
  });
  env.registerOperator(`${IP} == ${IP}`, (a: IPAddress, b: IPAddress) => a.toString() === b.toString());
  env.registerOperator(`${CIDR} == ${CIDR}`, (a: CIDRBlock, b: CIDRBlock) => a.toString() === b.toString());
}
