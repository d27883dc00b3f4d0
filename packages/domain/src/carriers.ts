/**
 * The carriers a vendor ships with, each with the address of its own tracking page for
 * one number (the page the institution would otherwise search by hand). A carrier
 * written before the list existed (free text) stays as written, without a link.
 */
export const CARRIERS = [
  {
    name: "ヤマト運輸",
    tracking: (number: string) =>
      `https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=${number}`,
  },
  {
    name: "佐川急便",
    tracking: (number: string) =>
      `https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=${number}`,
  },
  {
    name: "日本郵便",
    tracking: (number: string) =>
      `https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=${number}&searchKind=S002&locale=ja`,
  },
  {
    name: "西濃運輸",
    tracking: (number: string) => `https://track.seino.co.jp/cgi-bin/gnpquery.pgm?GNPNO1=${number}`,
  },
  {
    name: "福山通運",
    tracking: (number: string) => `https://corp.fukutsu.co.jp/situation/tracking_no_hunt/${number}`,
  },
] as const;

export const CARRIER_NAMES: readonly string[] = CARRIERS.map((carrier) => carrier.name);

/**
 * The carrier's tracking page for a number, or null: an unknown (legacy, free-text)
 * carrier, or a number with anything but digits, letters and hyphens (never put into a URL).
 */
export function trackingUrl(carrier: string, trackingNumber: string): string | null {
  const known = CARRIERS.find((entry) => entry.name === carrier.normalize("NFKC").trim());
  const number = trackingNumber.normalize("NFKC").replace(/[\s-]/g, "");
  if (known === undefined || !/^[0-9A-Za-z]{4,30}$/.test(number)) return null;
  return known.tracking(encodeURIComponent(number));
}
