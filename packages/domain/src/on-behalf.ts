/**
 * 代理入力: how the product names an entry a delegate organisation made for an
 * institution, on both sides (the institution's pages, the delegate's, the
 * review console): 「○○医師会 が ○○クリニック の代理で」.
 */
export function onBehalfLabel(organisationName: string, institutionName: string): string {
  return `${organisationName} が ${institutionName} の代理で`;
}

export const DELEGATE_KIND_LABELS_JA = {
  medical_association: "医師会",
  head_office: "法人本部",
} as const;
