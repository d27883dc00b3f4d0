import { describe, expect, it } from "vitest";
import { CARRIER_NAMES, trackingUrl } from "../src/carriers";

describe("trackingUrl", () => {
  it("links each listed carrier's number to that carrier's own tracking page", () => {
    expect(CARRIER_NAMES).toEqual(["ヤマト運輸", "佐川急便", "日本郵便", "西濃運輸", "福山通運"]);
    expect(trackingUrl("ヤマト運輸", "1234-5678-9012")).toBe(
      "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012",
    );
    expect(trackingUrl("佐川急便", "３６０１２３４５６７８９")).toBe(
      "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=360123456789",
    );
    expect(trackingUrl("日本郵便", "EJ123456789JP")).toContain("reqCodeNo1=EJ123456789JP");
    expect(trackingUrl("西濃運輸", "1234567890")).toContain("track.seino.co.jp");
    expect(trackingUrl("福山通運", "1234567890")).toContain("fukutsu.co.jp");
  });

  it("leaves legacy free text and odd numbers unlinked", () => {
    expect(trackingUrl("自社便", "1234567890")).toBeNull();
    expect(trackingUrl("ヤマト", "1234567890")).toBeNull();
    expect(trackingUrl("ヤマト運輸", "12")).toBeNull();
    expect(trackingUrl("ヤマト運輸", "1234?x=1")).toBeNull();
  });
});
