import { formatPhone } from "@sos/rules";
import { formatAddress, OrderLinesTable, SummaryList } from "@sos/ui";
import type { PaymentMethodOption, PurchaseSizeOption } from "../api-types";
import { ConfirmStepSection, type ConfirmStepState } from "./confirm-step-view";
import type { PurchaseValues } from "./purchase-schema";

export const ONE_TIME_NOTE =
  "購入手続きは1回限りです。確定後に内容を変更したり、追加で購入したりすることはできません（上限に満たない場合も同様です）。";

export interface PurchaseConfirmationProps extends ConfirmStepState {
  values: PurchaseValues;
  sizes: ReadonlyArray<PurchaseSizeOption>;
  piecesPerSet: number;
  paymentMethods: ReadonlyArray<PaymentMethodOption>;
}

/** 「注文内容の確認」: what will be ordered, before 「注文を確定する」. */
export function PurchaseConfirmation({
  values,
  sizes,
  piecesPerSet,
  paymentMethods,
  ...step
}: PurchaseConfirmationProps) {
  return (
    <ConfirmStepSection
      {...step}
      title="注文内容の確認"
      lead="以下の内容で注文します。よろしければ「注文を確定する」を押してください。"
      note={ONE_TIME_NOTE}
      confirmLabel="注文を確定する"
      loadingLabel="注文を送信中"
      backLabel="入力画面に戻る"
    >
      <OrderLinesTable
        aria-label="ご注文のサイズとセット数"
        lines={values.lines.map((line) => ({
          size: line.size,
          sizeLabel: sizes.find((s) => s.size === line.size)?.label ?? line.size,
          sets: line.sets,
          pieces: line.sets * piecesPerSet,
        }))}
        totalSets={sumOf(values.lines)}
        totalPieces={sumOf(values.lines) * piecesPerSet}
      />
      <SummaryList
        items={[
          { term: "お届け先", detail: values.delivery.name },
          { term: "住所", detail: formatAddress(values.delivery) },
          { term: "電話番号", detail: formatPhone(values.delivery.phone) },
          {
            term: "お支払い方法",
            detail:
              paymentMethods.find((m) => m.value === values.paymentMethod)?.label ??
              values.paymentMethod,
          },
        ]}
      />
    </ConfirmStepSection>
  );
}

function sumOf(lines: ReadonlyArray<{ sets: number }>): number {
  return lines.reduce((sum, line) => sum + line.sets, 0);
}
