import { describe, expect, it } from "vitest";
import { inetOrNull, ipGroup } from "../src/ip";
import { accountThrottleKey, ipThrottleKey } from "../src/throttle";

describe("inetOrNull", () => {
  it("passes IP addresses and drops anything the inet column would refuse", () => {
    expect(inetOrNull("203.0.113.7")).toBe("203.0.113.7");
    expect(inetOrNull("2001:db8::1")).toBe("2001:db8::1");
    expect(inetOrNull("unknown")).toBeNull();
    expect(inetOrNull("")).toBeNull();
    expect(inetOrNull(undefined)).toBeNull();
  });
});

describe("ipGroup", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(ipGroup("203.0.113.7")).toBe("203.0.113.7");
  });

  it("groups IPv6 addresses by their /64 whatever their spelling", () => {
    expect(ipGroup("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(ipGroup("2001:0DB8:0001:0002:ffff:0:0:99")).toBe("2001:db8:1:2::/64");
    expect(ipGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipGroup("::1")).toBe("0:0:0:0::/64");
    expect(ipGroup("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 address", () => {
    expect(ipGroup("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(ipGroup("::ffff:cb00:7107")).toBe("203.0.113.7");
  });
});

describe("throttle keys", () => {
  it("lower-case the username and group the address", () => {
    expect(accountThrottleKey("Tanaka.Hanako")).toBe("user:tanaka.hanako");
    expect(ipThrottleKey("2001:db8:1:2:3:4:5:6")).toBe("ip:2001:db8:1:2::/64");
  });
});
