import { Checkbox, ConfirmDialog, formatNumber } from "@sos/ui";
import { useState } from "react";
import type { SendOptions } from "./use-send-run";

export interface SendTarget {
  /** The ticked items, or null for every item of the list. */
  itemIds: readonly string[] | null;
  /** How many items the send covers, for the question. */
  count: number;
  mismatched: number;
}

/**
 * The question before a bulk send, with its two deliberate choices: include the
 * items whose registration differs (checked by the vendor), and replace links
 * already sent.
 */
export function SendDialog({
  target,
  onCancel,
  onSend,
}: {
  target: SendTarget | null;
  onCancel: () => void;
  onSend: (options: SendOptions) => void;
}) {
  const [allowMismatched, setAllowMismatched] = useState(false);
  const [resend, setResend] = useState(false);
  const scope =
    target === null
      ? ""
      : target.itemIds === null
        ? `このリストの全${formatNumber(target.count)}件`
        : `選択した${formatNumber(target.count)}件`;
  return (
    <ConfirmDialog
      open={target !== null}
      title="購入リンクを送信しますか？"
      description={`${scope}のうち、施設登録と照合できた医療機関に、購入用URLと購入可能数をメールで送信します。未登録・要確認の医療機関には送信されません。`}
      confirmLabel="送信を開始する"
      onCancel={() => {
        setAllowMismatched(false);
        setResend(false);
        onCancel();
      }}
      onConfirm={() => {
        if (target === null) return;
        onSend({ itemIds: target.itemIds, allowMismatched, resend });
        setAllowMismatched(false);
        setResend(false);
      }}
    >
      <div className="sos-stack vendor-dialog-options">
        {target !== null && target.mismatched > 0 && (
          <Checkbox
            label={`登録内容が国のリストと異なる医療機関（${formatNumber(target.mismatched)}件）にも送信する`}
            hint="同じ医療機関であることを確認済みの場合だけ選んでください。"
            checked={allowMismatched}
            onChange={(event) => setAllowMismatched(event.currentTarget.checked)}
          />
        )}
        <Checkbox
          label="送信済みで有効なリンクも取り消して、新しいURLを送り直す"
          hint="選ばない場合、有効なリンクがある医療機関には送信しません（二重送信を防ぎます）。"
          checked={resend}
          onChange={(event) => setResend(event.currentTarget.checked)}
        />
      </div>
    </ConfirmDialog>
  );
}
