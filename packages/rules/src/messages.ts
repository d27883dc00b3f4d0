import type { DigitCodeError } from "./codes";
import type { EmailError } from "./email";
import type { PhoneError } from "./phone";
import type { PurchaseError } from "./purchase";
import type { QuantityError } from "./quantity";
import { MAX_QUANTITY } from "./quantity";

/**
 * Japanese messages for the rules' error codes, so that every screen and the
 * API word the same refusal the same way. Written for the person at the
 * keyboard: what to type, not what went wrong inside.
 */

const maxQuantity = MAX_QUANTITY.toLocaleString("ja-JP");

/** `field` is the label of the input, e.g. "在庫量" or "1週間の想定消費量". */
export function quantityErrorMessage(error: QuantityError, field = "数量"): string {
  switch (error) {
    case "required":
      return `${field}を入力してください。`;
    case "not_a_number":
      return `${field}は数字で入力してください（例：2,000）。`;
    case "not_integer":
      return `${field}は小数点を使わず、枚数（整数）で入力してください。`;
    case "negative":
      return `${field}に負の値は入力できません。`;
    case "too_large":
      return `${field}は${maxQuantity}枚以下で入力してください。`;
  }
}

export const INSTITUTION_CODE_ERROR_MESSAGES: Readonly<Record<DigitCodeError, string>> = {
  required: "医療機関コードを入力してください。",
  not_digits: "医療機関コードは数字のみで入力してください。",
  invalid_length:
    "医療機関コードは10桁で入力してください（G-MISの「医療機関マスタ」で確認できます）。",
};

export const POSTCODE_ERROR_MESSAGES: Readonly<Record<DigitCodeError, string>> = {
  required: "郵便番号を入力してください。",
  not_digits: "郵便番号は数字で入力してください（例：100-0001）。",
  invalid_length: "郵便番号は7桁で入力してください（例：100-0001）。",
};

export const PHONE_ERROR_MESSAGES: Readonly<Record<PhoneError, string>> = {
  required: "電話番号を入力してください。",
  not_digits: "電話番号は数字とハイフンで入力してください（例：03-1234-5678）。",
  invalid_length: "電話番号の桁数が正しくありません。市外局番から入力してください。",
  invalid_prefix: "国内の電話番号を、0から始まる形で入力してください。",
};

export const EMAIL_ERROR_MESSAGES: Readonly<Record<EmailError, string>> = {
  required: "メールアドレスを入力してください。",
  invalid: "メールアドレスの形式が正しくありません（例：info@example.jp）。",
};

export const PURCHASE_ERROR_MESSAGES: Readonly<Record<PurchaseError, string>> = {
  empty: "購入するセット数を1セット以上指定してください。",
  over_limit: "購入上限数を超えています。合計セット数を上限以内にしてください。",
  not_whole_sets: "購入はセット単位です（1セット＝1,000枚・10箱）。",
  negative: "セット数に負の値は指定できません。",
  duplicate_size: "同じサイズが重複しています。サイズごとに1行で指定してください。",
};

export const TRANSITION_ERROR_MESSAGES: Readonly<Record<"not_allowed", string>> = {
  not_allowed: "現在のステータスではこの操作はできません。",
};
