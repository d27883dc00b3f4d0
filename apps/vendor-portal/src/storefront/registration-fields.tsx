import { TextField } from "@sos/ui";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import type { RegistrationFormInput } from "./registration-form";
import type { RegistrationField } from "./registration-schema";

const CODE_HINT =
  "G-MISの「医療機関マスタ」で確認できる10桁の数字です（保険医療機関コードとは異なります）。全角でも入力できます。";

const EMAIL_HINT =
  "購入用URLのご案内や注文確認のメールをこのアドレスにお送りします。G-MISに届け出ているメールアドレスと異なる場合は、販売業者の確認が済むまで購入用URLをお送りできません。携帯電話のメールの場合は、受信設定を確認してください。";

export interface RegistrationFieldsProps {
  ids: Record<RegistrationField, string>;
  errors: FieldErrors<RegistrationFormInput>;
  register: UseFormRegister<RegistrationFormInput>;
}

/** The facility's details, in the order of the confirmation step. */
export function RegistrationFields({ ids, errors, register }: RegistrationFieldsProps) {
  return (
    <>
      <TextField
        id={ids.facilityName}
        label="施設名"
        required
        autoComplete="organization"
        enterKeyHint="next"
        hint="G-MISに登録している医療機関名と同じ名称で入力してください。"
        error={errors.facilityName?.message}
        {...register("facilityName")}
      />
      <TextField
        id={ids.institutionCode}
        label="医療機関コード（10桁）"
        required
        hint={CODE_HINT}
        inputMode="numeric"
        autoComplete="off"
        enterKeyHint="next"
        width="medium"
        error={errors.institutionCode?.message}
        {...register("institutionCode")}
      />
      <TextField
        id={ids.postcode}
        label="郵便番号"
        required
        hint="例：100-8916"
        inputMode="numeric"
        autoComplete="postal-code"
        enterKeyHint="next"
        width="short"
        error={errors.postcode?.message}
        {...register("postcode")}
      />
      <TextField
        id={ids.address}
        label="住所"
        required
        hint="都道府県から、建物名・部屋番号まで入力してください。商品のお届け先になります。"
        autoComplete="street-address"
        enterKeyHint="next"
        error={errors.address?.message}
        {...register("address")}
      />
      <TextField
        id={ids.phone}
        label="電話番号"
        required
        hint="例：03-5253-1111"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        enterKeyHint="next"
        width="medium"
        error={errors.phone?.message}
        {...register("phone")}
      />
      <TextField
        id={ids.email}
        label="メールアドレス"
        required
        hint={EMAIL_HINT}
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="next"
        error={errors.email?.message}
        {...register("email")}
      />
    </>
  );
}
