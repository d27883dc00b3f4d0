/**
 * Texts an institution agrees to by filing an SOS request, verbatim from the
 * G-MIS 緊急配布要請マニュアル (3-1 ④), line breaks of the PDF removed.
 */
export const CONSENT_INTRO = "緊急配布要請にて要請する場合は、以下に同意したこととみなします。";

/** In the manual's order; ④ refers to ③, so the order is part of the text. */
export const CONSENT_TERMS = [
  "本要請に含まれる個人情報及びG-MIS登録時において提供された情報（医療機関名、医療機関コード、住所、郵便番号、電話番号、担当者氏名、メールアドレス等）について、国が、国から売払いを受けた売払先事業者に対して、その業務遂行に必要な範囲において、当該情報を提供すること",
  "要請のあった個々の医療機関名や購入枚数等については、今後公表する可能性があること",
  "緊急配布を受けた医療機関は、今般の緊急配布が中東情勢を踏まえた緊急的な対応であること、配布した医療物資の適切な使用を確保する必要性があること等に鑑み、本物資を当該機関における診療又は感染防止の目的に限って使用し、国又は売払事業者の事前承認なく転売その他営利目的の処分を行わないこと",
  "③について違反した場合は、それ以降の緊急配布要請への不対応、転売をした医療機関名の公表その他必要な措置を受けること",
] as const;

/**
 * 1-2: who may file a request (緊急配布要請（SOS）ができる医療機関). The manual marks
 * 週次調査 with a ※ whose note it does not reproduce, so the mark is left out.
 */
export const SOS_REQUIREMENTS = [
  "欠品等により自ら調達できない",
  "医療措置協定の有無にかかわらず、週次調査に回答している",
] as const;

/** The distribution condition (配布「要」となる条件) as the manual states it. */
export const DISTRIBUTION_CONDITION =
  "①在庫量＜（②今後1週間あたりの想定消費量―③今後１週間に購入できる見込み量）×４";

/** The checkbox label on the request form, verbatim. */
export const CONDITIONS_CONFIRMATION_LABEL = "上記の緊急配布条件を満たしていることを確認した";

/**
 * Shown when the box is not ticked. The manual shows the real message only as a
 * screenshot, so this names the box in the manual's words.
 */
export const CONDITIONS_NOT_CONFIRMED_MESSAGE = `「${CONDITIONS_CONFIRMATION_LABEL}」にチェックを入れてください`;
