import { describe, expect, it } from "vitest";
import { compileExpression, typedEnvironment } from "../../src/validate/cel/compile.js";
import { schemaDeclType } from "../../src/validate/cel/decl-type.js";
import { evaluateRules } from "../../src/validate/cel/evaluate.js";
import { parseQuantity } from "../../src/validate/cel/lib/quantity.js";
import { DEFAULT_CEL_VERSION, parseCelVersion } from "../../src/validate/cel/version.js";

/** True when `expr` (with `self` a string) compiles and holds for `self`. */
function holds(expr: string, self = "", version = DEFAULT_CEL_VERSION): boolean {
  const schema = { type: "string", "x-kubernetes-validations": [{ rule: expr }] };
  const type = schemaDeclType(schema, false);
  if (!type) throw new Error("no type");
  const compiled = compileExpression(typedEnvironment(version, type, false), expr, "bool");
  if (compiled.kind !== "ok") throw new Error(`${expr}: ${JSON.stringify(compiled)}`);
  return evaluateRules(self, schema, "x", false, { version }).length === 0;
}

function compiles(expr: string, version = DEFAULT_CEL_VERSION): string {
  const type = schemaDeclType({ type: "string" }, false);
  if (!type) throw new Error("no type");
  return compileExpression(typedEnvironment(version, type, false), expr, "bool").kind;
}

describe("Kubernetes CEL libraries", () => {
  it("quantity compares exactly across suffixes", () => {
    expect(holds("quantity('1Gi') == quantity('1024Mi')")).toBe(true);
    expect(holds("quantity('500m').isLessThan(quantity('1'))")).toBe(true);
    expect(holds("quantity('1.5').isInteger()")).toBe(false);
    expect(holds("quantity('2k').asInteger() == 2000")).toBe(true);
    expect(holds("quantity('1').add(quantity('500m')).compareTo(quantity('1500m')) == 0")).toBe(true);
    expect(holds("isQuantity(self)", "12Zi")).toBe(false);
    expect(parseQuantity("1e3")?.numerator).toBe(1000n);
  });

  it("ip and cidr follow Go's strict parsing", () => {
    expect(holds("isIP(self)", "10.0.0.1")).toBe(true);
    expect(holds("isIP(self)", "010.0.0.1")).toBe(false);
    expect(holds("ip(self).family() == 6", "2001:db8::1")).toBe(true);
    expect(holds("cidr('10.0.0.0/8').containsIP(self)", "10.2.3.4")).toBe(true);
    expect(holds("cidr('10.0.0.0/8').containsIP(self)", "11.2.3.4")).toBe(false);
    expect(holds("cidr('192.168.1.7/24').masked() == cidr('192.168.1.0/24')")).toBe(true);
    expect(holds("ip.isCanonical(self)", "2001:db8:0:0:0:0:0:1")).toBe(false);
    expect(holds("ip.isCanonical(self)", "2001:db8::1")).toBe(true);
  });

  it("format validates named formats with apimachinery's messages", () => {
    expect(holds("!format.dns1123Label().validate(self).hasValue()", "my-name")).toBe(true);
    expect(
      holds(
        "format.dns1123Label().validate(self).value()[0].startsWith('a lowercase RFC 1123 label')",
        "My_Name",
      ),
    ).toBe(true);
    expect(holds("format.named('uuid').hasValue()")).toBe(true);
    expect(holds("!format.named('nope').hasValue()")).toBe(true);
  });

  it("url parses request URIs", () => {
    expect(
      holds(
        "url(self).getHostname() == 'example.com' && url(self).getPort() == '8443'",
        "https://example.com:8443/a?b=c",
      ),
    ).toBe(true);
    expect(holds("url(self).getQuery()['b'] == ['c']", "https://example.com/a?b=c")).toBe(true);
    expect(holds("isURL(self)", "not a url")).toBe(false);
  });

  it("standard conversions the engine lacks behave like cel-go's ConvertToType", () => {
    // Duration → string: FormatFloat(seconds, 'f', -1) + "s"; → int: nanoseconds.
    expect(holds("string(duration('1h30m')) == '5400s'")).toBe(true);
    expect(holds("string(duration('1ns')) == '0.000000001s'")).toBe(true);
    expect(holds("string(duration('-1.5s')) == '-1.5s'")).toBe(true);
    expect(holds("int(duration('1s')) == 1000000000")).toBe(true);
    // Timestamp → string: RFC3339Nano (no trailing zeros); → int: Unix seconds, floored.
    expect(holds("string(timestamp('2020-01-02T03:04:05Z')) == '2020-01-02T03:04:05Z'")).toBe(true);
    expect(holds("string(timestamp('2020-01-02T03:04:05.5Z')) == '2020-01-02T03:04:05.5Z'")).toBe(true);
    expect(holds("int(timestamp('1970-01-01T00:00:01Z')) == 1")).toBe(true);
    expect(holds("int(timestamp('1969-12-31T23:59:59.5Z')) == -1")).toBe(true);
    // uint → int checks the range; identity conversions keep the value.
    expect(holds("int(5u) == 5")).toBe(true);
    expect(holds("int(18446744073709551615u) == int(18446744073709551615u)")).toBe(false);
    expect(holds("duration(duration('2s')) == duration('2s')")).toBe(true);
    expect(holds("timestamp(timestamp(0)) == timestamp(0)")).toBe(true);
    // duration(int) is declared, so it compiles; cel-go's Int cannot convert to a duration.
    expect(compiles("duration(1) > duration('0s')")).toBe("ok");
  });

  it("semver compares versions (1.33+)", () => {
    expect(holds("semver('1.2.3').isLessThan(semver('1.10.0'))")).toBe(true);
    expect(holds("semver('1.0.0-alpha').isLessThan(semver('1.0.0'))")).toBe(true);
    expect(holds("isSemver(self, true)", "v1.2")).toBe(true);
    expect(compiles("isSemver('1.0.0')", parseCelVersion("1.32"))).toBe("error");
  });

  it("lists, sets, strings and regex", () => {
    expect(
      holds(
        "[1, 2, 3].isSorted() && [3, 1, 2].sum() == 6 && [3, 1].min() == 1 && ['a', 'b'].indexOf('b') == 1",
      ),
    ).toBe(true);
    expect(
      holds("sets.contains([1, 2], [2]) && sets.intersects([1], [1, 3]) && !sets.equivalent([1], [2])"),
    ).toBe(true);
    expect(
      holds(
        "self.charAt(1) == 'b' && self.replace('b', 'x') == 'axc' && '%s-%d'.format([dyn(self), dyn(3)]) == 'abc-3'",
        "abc",
      ),
    ).toBe(true);
    expect(holds("strings.quote(self) == '\"a\\\\nb\"'", "a\nb")).toBe(true);
    expect(holds("self.find('[0-9]+') == '42' && self.findAll('[a-z]') == ['x', 'y']", "x42y")).toBe(true);
    expect(holds("self.matches('^[[:alpha:]]+$')", "abc")).toBe(true);
  });

  it("rejects what the version's environment lacks and literals that cannot work", () => {
    expect(compiles("ip('1.2.3.4').family() == 4", parseCelVersion("1.29"))).toBe("error");
    expect(compiles("self.?x.orValue('') == ''", parseCelVersion("1.27"))).toBe("error");
    expect(compiles("self.matches('(?=x)')")).toBe("error");
    expect(compiles("duration('forever') > duration('1s')")).toBe("error");
    expect(compiles("self.size() > 0 && [1, 'a'].size() == 2")).toBe("error");
  });

  it("declares two-variable comprehensions as unsupported rather than invalid", () => {
    expect(compiles("[1].all(i, v, v > 0)")).toBe("unsupported");
    expect(compiles("[1].all(i, v, v > 0)", parseCelVersion("1.31"))).toBe("error");
  });
});

describe("the optional library's macros optMap and optFlatMap (expanded as cel-go expands them)", () => {
  it("map a present value and pass an absent one through", () => {
    expect(holds("optional.of(self).optMap(s, s.size()).orValue(-1) == 3", "abc")).toBe(true);
    expect(holds("optional.none().optMap(s, s + 'x').orValue('none') == 'none'")).toBe(true);
    expect(
      holds("optional.of(self).optFlatMap(s, s == '' ? optional.none() : optional.of(s)).hasValue()", ""),
    ).toBe(false);
    expect(holds("optional.of(self).optFlatMap(s, optional.of(s + '!')).value() == 'a!'", "a")).toBe(true);
  });

  it("nest, chain, and keep parenthesized and quoted text intact", () => {
    expect(
      holds(
        "optional.of(self).optFlatMap(n, n == 'a' ? optional.none() : optional.of(n)).optMap(m, m.size() > 0).orValue(false)",
        "b",
      ),
    ).toBe(true);
    expect(holds("(optional.of(self)).optMap(x, (x + ')')).orValue('') == 'q)'", "q")).toBe(true);
    expect(
      holds(
        "optional.of(self).optMap(a, optional.of(a).optMap(b, b + a)).orValue(optional.none()).value() == 'zz'",
        "z",
      ),
    ).toBe(true);
  });

  it("type-check the mapped expression: a wrong one is an error, not unsupported", () => {
    expect(compiles("optional.of(self).optMap(s, s + 1).hasValue()")).toBe("error");
    expect(compiles("optional.of(self).optMap(s.t, s).hasValue()")).toBe("error");
  });
});
