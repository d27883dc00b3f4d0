import {
  formatJaDateTime,
  formatSets,
  GLOVE_SIZE_LABELS,
  type GloveSize,
  PAYMENT_METHOD_LABELS,
  type PaymentMethod,
  trackingUrl,
} from "@sos/domain";
import { formatPhone, formatPostcode } from "@sos/rules";
import { appBaseUrl } from "../../apps";

/**
 * Mail the vendor sends (from VENDOR_MAIL_FROM): registration, purchase links,
 * reminders, order and shipping notices. Plain text, since clinics read mail on
 * every kind of client; queued through the outbox in the action's transaction.
 */

export interface MailText {
  subject: string;
  text: string;
}

const SUBJECT_PREFIX = "【医療用手袋 緊急配布】";

const SIGNATURE = [
  "――――――――――――――――――――",
  "医療用手袋 緊急配布 販売窓口",
  "※このメールは送信専用のアドレスから自動送信しています。",
  "※お心当たりのない場合は、お手数ですがこのメールを破棄してください。",
];

function compose(subject: string, lines: string[]): MailText {
  return {
    subject: `${SUBJECT_PREFIX}${subject}`,
    text: `${[...lines, "", ...SIGNATURE].join("\n")}\n`,
  };
}

/** The storefront's registration page (①'). */
export function registrationUrl(publicBaseUrl: string): string {
  return `${appBaseUrl(publicBaseUrl, "vendor")}/register`;
}

/** The page that confirms one storefront registration; the token is the only key to it. */
export function registrationConfirmUrl(publicBaseUrl: string, token: string): string {
  return `${appBaseUrl(publicBaseUrl, "vendor")}/register/confirm/${token}`;
}

/** The personal purchase page (⑥); the token is the only key to it. */
export function purchaseUrl(publicBaseUrl: string, token: string): string {
  return `${appBaseUrl(publicBaseUrl, "vendor")}/purchase/${token}`;
}

export interface RegistrationFacts {
  facilityName: string;
  institutionCode: string;
  postcode: string;
  address: string;
  phone: string;
  email: string;
  paymentMethod: PaymentMethod;
}

function registrationBlock(facts: RegistrationFacts): string[] {
  return [
    "■登録内容",
    `  施設名：${facts.facilityName}`,
    `  医療機関コード：${facts.institutionCode}`,
    `  住所：〒${formatPostcode(facts.postcode)} ${facts.address}`,
    `  電話番号：${formatPhone(facts.phone)}`,
    `  メールアドレス（購入用URLの送付先）：${facts.email}`,
    `  お支払い方法：${PAYMENT_METHOD_LABELS.ja[facts.paymentMethod]}`,
  ];
}

export interface ConfirmationFacts extends RegistrationFacts {
  /** The institution's name in the ministry's registry (the addressee). */
  registryName: string;
  url: string;
  expiresAt: Date;
  /** Whether the registered address is the one this mail goes to. */
  sameAddress: boolean;
}

/**
 * To the address the ministry's registry holds for the code, never to the one
 * typed on the form: whoever reads this mailbox is the institution, so opening
 * the link is what makes the registration its own.
 */
export function registrationConfirmationMail(facts: ConfirmationFacts): MailText {
  const otherAddress = facts.sameAddress
    ? []
    : [
        "※登録されたメールアドレスは、国（G-MIS）に届け出ている貴施設のメールアドレス（このメールの宛先）と異なります。",
        "  確定した場合も、販売業者が貴施設に確認するまで購入用URLはお送りしません。",
        "",
      ];
  return compose("購入サイトへの施設登録の確認のお願い", [
    `${facts.registryName} ご担当者様`,
    `（医療機関コード：${facts.institutionCode}）`,
    "",
    "医療用手袋の緊急配布の購入サイトに、貴施設の医療機関コードで施設登録の申し込みがありました。",
    "このメールは、国（G-MIS）に届け出ている貴施設のメールアドレスにお送りしています。",
    "",
    ...registrationBlock(facts),
    "",
    ...otherAddress,
    "■登録の確定",
    "  貴施設が申し込み、内容に誤りがない場合は、下記のURLを開き「登録を確定する」を押してください。",
    "  確定するまで、購入用URLはお送りしません。",
    `  ${facts.url}`,
    `  （有効期限：${formatJaDateTime(facts.expiresAt)}まで）`,
    "",
    "■お心当たりのない場合",
    "  URLを開かずにこのメールを破棄してください。登録は確定せず、購入用URLも送付されません。",
    "  第三者が貴施設になりすまして登録しようとした可能性があります。販売業者にお知らせください。",
  ]);
}

export function registrationConfirmedMail(facts: RegistrationFacts): MailText {
  return compose("購入サイトへの施設登録が確定しました", [
    `${facts.facilityName} ご担当者様`,
    "",
    "医療用手袋の緊急配布に関する購入サイトへの施設登録が確定しました。",
    "",
    ...registrationBlock(facts),
    "",
    "■今後の流れ",
    "  G-MISで行った緊急配布要請が都道府県・国で受け付けられ、販売対象となった場合に、",
    "  このメールアドレス宛てに購入用URLと購入可能なセット数をお知らせします。",
    "  対象外となった場合は、購入用URLのご案内は届きません。",
    "",
    "登録内容の変更は販売業者にお問い合わせください。",
  ]);
}

export interface PurchaseLinkFacts {
  facilityName: string;
  institutionCode: string;
  limitSets: number;
  url: string;
  expiresAt: Date;
  /** A new link replacing an earlier one. */
  reissued: boolean;
  /** Sent to the registry's new address after the registry changed it. */
  toRegistryAddress?: boolean;
  /**
   * Sets allocated per size when gloves ran short (issue 17), still to buy: the
   * mail tells these units instead of the limit. Empty or absent: not allocated.
   */
  allocated?: ReadonlyArray<{ size: GloveSize; sets: number }>;
}

/** What the link lets the institution buy: its allocation per size, or the limit in any size. */
function purchasableBlock(facts: PurchaseLinkFacts): string[] {
  const allocated = (facts.allocated ?? []).filter((line) => line.sets > 0);
  if (allocated.length === 0) {
    return [
      "■購入可能数",
      `  ${formatSets(facts.limitSets)}まで`,
      "  1セット＝1,000枚（10箱）です。セット単位でサイズを選べます（例：Sサイズ2セット＋Mサイズ1セット）。",
    ];
  }
  const total = allocated.reduce((sum, line) => sum + line.sets, 0);
  return [
    "■割当（購入可能数）",
    ...allocated.map((line) => `  ${GLOVE_SIZE_LABELS.ja[line.size]} ${formatSets(line.sets)}`),
    `  合計 ${formatSets(total)}`,
    "  供給が要望に足りなかったため、公開したルールで割り当てたセット数です。この数量の在庫は貴施設のために確保しています。",
    "  割当のサイズ・セット数の範囲でご購入ください。割当の根拠は医療機関向けの画面「割当のセット数」でご確認いただけます。",
  ];
}

export function purchaseLinkMail(facts: PurchaseLinkFacts): MailText {
  const reissueNote =
    facts.reissued && !facts.toRegistryAddress
      ? [
          "※購入用URLを再発行しました。以前にお送りしたURLは使用できなくなりました。",
          "  必ずこのメールに記載のURLをご利用ください。",
          "",
        ]
      : [];
  const registryNote = facts.toRegistryAddress
    ? [
        "※厚生労働省の医療機関名簿で貴施設のメールアドレスが変更されたため、変更後のアドレス（このメールの宛先）にお送りしています。",
        "  変更前のアドレスにお送りした購入用URLは無効になっています。必ずこのメールに記載のURLをご利用ください。",
        "",
      ]
    : [];
  return compose("購入用URLのご案内", [
    `${facts.facilityName} ご担当者様`,
    `（医療機関コード：${facts.institutionCode}）`,
    "",
    "医療用手袋の緊急配布要請について、都道府県・国での受付が完了しました。",
    "下記の貴施設専用URLから購入手続きを行ってください。",
    "",
    ...reissueNote,
    ...registryNote,
    "■購入用URL（貴施設専用です。第三者に共有しないでください）",
    `  ${facts.url}`,
    "",
    ...purchasableBlock(facts),
    "",
    "■有効期限",
    `  ${formatJaDateTime(facts.expiresAt)}まで`,
    "",
    "■ご注意",
    "  ・購入手続きは1回限りです。購入後に追加で購入することはできません（上限未満の購入でも同様です）。",
    "  ・セット単位での購入となり、箱単位（例：12箱）での購入はできません。",
    "  ・在庫の状況により、ご希望のサイズを選べない場合があります。",
  ]);
}

export interface ReminderFacts {
  name: string;
  institutionCode: string;
  contactName: string;
  limitSets: number;
  registrationUrl: string;
}

export function registrationReminderMail(facts: ReminderFacts): MailText {
  const addressee = facts.contactName === "" ? "ご担当者様" : `${facts.contactName} 様`;
  return compose("購入サイトへの施設登録のお願い", [
    `${facts.name} ${addressee}`,
    `（医療機関コード：${facts.institutionCode}）`,
    "",
    "医療用手袋の緊急配布要請について、都道府県・国での受付が完了し、販売対象となりました",
    `（購入可能数：${formatSets(facts.limitSets)}）。`,
    "",
    "しかし、販売業者の購入サイトに貴施設の登録が確認できないため、購入用URLをお送りできません。",
    "下記のページから施設登録を行ってください（医療機関コードはG-MISの「医療機関マスタ」で確認できる10桁のコードです）。",
    "",
    `  ${facts.registrationUrl}`,
    "",
    "登録の申し込み後、国（G-MIS）に届け出ているメールアドレス（このメールの宛先）に確認メールが届きます。",
    "そのメールのURLから登録を確定すると、購入用URLをお送りします。",
    "既に申し込んだ場合は、確認メールのURLから登録を確定してください（有効期限が切れた場合は、もう一度登録してください）。",
    "既に登録済みの場合は、登録した医療機関コードに誤りがないか、販売業者にお問い合わせください。",
  ]);
}

export interface OrderMailLine {
  size: GloveSize;
  sets: number;
}

export interface OrderFacts {
  orderNumber: string;
  facilityName: string;
  orderedAt: Date;
  lines: readonly OrderMailLine[];
  totalSets: number;
  delivery: { name: string; postcode: string; address: string; phone: string };
  paymentMethod: PaymentMethod;
}

function orderBlock(facts: OrderFacts): string[] {
  return [
    "■ご注文内容",
    `  注文番号：${facts.orderNumber}`,
    `  注文日時：${formatJaDateTime(facts.orderedAt)}`,
    ...facts.lines.map((line) => `  ${GLOVE_SIZE_LABELS.ja[line.size]}：${formatSets(line.sets)}`),
    `  合計：${formatSets(facts.totalSets)}`,
    `  お支払い方法：${PAYMENT_METHOD_LABELS.ja[facts.paymentMethod]}`,
    "",
    "■お届け先",
    `  ${facts.delivery.name}`,
    `  〒${formatPostcode(facts.delivery.postcode)} ${facts.delivery.address}`,
    `  電話番号：${formatPhone(facts.delivery.phone)}`,
  ];
}

export function orderConfirmedMail(facts: OrderFacts, pageUrl: string | null): MailText {
  const page =
    pageUrl === null
      ? []
      : ["", "ご注文の内容と配送状況は、購入用URLのページで確認できます：", `  ${pageUrl}`];
  return compose(`ご注文を承りました（注文番号 ${facts.orderNumber}）`, [
    `${facts.facilityName} ご担当者様`,
    "",
    "医療用手袋のご注文を承りました。出荷の準備が整いしだい発送し、出荷時にあらためてお知らせします。",
    "",
    ...orderBlock(facts),
    ...page,
    "",
    "※購入手続きは1回限りのため、追加のご注文はできません。",
  ]);
}

export interface ShipmentFacts {
  carrier: string;
  trackingNumber: string;
  shippedAt: Date;
}

export function orderShippedMail(facts: OrderFacts, shipment: ShipmentFacts): MailText {
  // A listed carrier's own tracking page; a free-text one (before the list) has none.
  const tracking = trackingUrl(shipment.carrier, shipment.trackingNumber);
  return compose(`商品を出荷しました（注文番号 ${facts.orderNumber}）`, [
    `${facts.facilityName} ご担当者様`,
    "",
    "ご注文の医療用手袋を出荷しました。",
    "",
    "■配送情報",
    `  出荷日時：${formatJaDateTime(shipment.shippedAt)}`,
    `  配送業者：${shipment.carrier}`,
    `  お問い合わせ伝票番号：${shipment.trackingNumber}`,
    ...(tracking === null ? [] : [`  配送状況の確認：${tracking}`]),
    "",
    ...orderBlock(facts),
  ]);
}
