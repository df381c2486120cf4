import { describe, expect, it } from "vitest";
import { addressKey, bucketKey } from "~/domain/accounts/throttle.server";

describe("who a per-address limit counts", () => {
  it("counts an IPv4 address on its own, however it is written", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts a whole IPv6 /64 as one, since one network holds billions of addresses", () => {
    const a = addressKey("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:1234:5678::/64");
    expect(addressKey("2001:0db8:1234:5678::1")).toBe(a);
    expect(addressKey("2001:db8:1234:5678:ffff::")).toBe(a);
    expect(addressKey("2001:db8:1234:5679::1")).not.toBe(a);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("stores hashes, not addresses or emails", () => {
    const key = bucketKey("sign-in", "ip", "203.0.113.7");
    expect(key).toMatch(/^sign-in:ip:[0-9a-f]{32}$/);
    expect(key).not.toContain("203.0.113.7");
    expect(bucketKey("sign-in", "ip", "2001:db8:1:2::9")).toBe(bucketKey("sign-in", "ip", "2001:db8:1:2:ffff::1"));
    expect(bucketKey("sign-in", "email", "alex@larder.example.org")).not.toContain("alex");
    expect(bucketKey("two-factor", "account", 42)).toBe("two-factor:account:42");
  });
});
