import { Button, ConfirmDialog, formatSets } from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { VendorItem } from "../api-types";
import { SideBySideDiff } from "./side-by-side-diff";

type Action = "send" | "reissue" | "resendToRegistry" | "revoke" | "remind";

/** 要確認 because nobody confirmed the registration: no link at all, only a request to register. */
export function isUnconfirmed(item: VendorItem): boolean {
  return item.match.reasons.some((r) => r.reason === "unconfirmed");
}

/** 要確認 only because a confirmed registration (or the vendor's customer) uses another address. */
function isOtherAddressOnly(item: VendorItem): boolean {
  return item.match.status === "needs_check" && !isUnconfirmed(item);
}

interface ActionText {
  title: string;
  description: string;
  confirmLabel: string;
  danger?: boolean;
}

function actionText(item: VendorItem, action: Action): ActionText {
  const name = item.ministry.name;
  const email = item.registration?.email ?? "";
  const mismatched = item.match.status === "mismatched";
  switch (action) {
    case "send":
      if (isOtherAddressOnly(item)) {
        return {
          title: "登録のメールアドレスが国のリストと異なります。購入リンクを送信しますか？",
          description: `国のリストのアドレスは ${item.ministry.email} です。${email} が${name}のアドレスであることを、国のリストの電話番号などで施設に確認したうえで送信してください。購入可能数は${formatSets(item.limitSets)}です。`,
          confirmLabel: "施設に確認済みとして送信する",
        };
      }
      return mismatched
        ? {
            title: "登録内容が国のリストと異なります。購入リンクを送信しますか？",
            description: `同じ医療機関であることを施設に確認したうえで送信してください。${email} 宛てに、購入用URLと購入可能数（${formatSets(item.limitSets)}）を送信します。`,
            confirmLabel: "確認済みとして送信する",
          }
        : {
            title: "購入リンクを送信しますか？",
            description: `${name}（${email}）宛てに、購入用URLと購入可能数（${formatSets(item.limitSets)}）をメールで送信します。`,
            confirmLabel: "送信する",
          };
    case "reissue":
      return {
        title: "購入リンクを再発行しますか？",
        description: `今のURLは使えなくなり、新しいURLを ${email} 宛てに送信します。購入できるのは1回のままです。`,
        confirmLabel: "再発行して送信する",
      };
    case "resendToRegistry":
      return {
        title: "変更後のメールアドレスに購入リンクを送信しますか？",
        description: `国の医療機関名簿で${name}のメールアドレスが変更されたため、以前のURLは無効になっています。新しいURLを名簿の変更後のアドレス ${item.link.resendTo ?? ""} 宛てに送信します。購入できるのは1回のままです。`,
        confirmLabel: "変更後のアドレスに送信する",
      };
    case "revoke":
      return {
        title: "購入リンクを取り消しますか？",
        description: `${name}に送ったURLから購入できなくなります。必要になれば再発行できます。`,
        confirmLabel: "取り消す",
        danger: true,
      };
    case "remind":
      return {
        title: "施設登録の依頼メールを送信しますか？",
        description: isUnconfirmed(item)
          ? `国のリストの連絡先（${item.ministry.email}）に、施設登録の確定（確認メールのURL）か登録のやり直しのお願いを送信します。登録されたアドレス（${email}）には送信しません。`
          : `国のリストの連絡先（${item.ministry.email}）に、購入サイトへの施設登録のお願いを送信します。`,
        confirmLabel: "送信する",
      };
  }
}

/**
 * What can be done with one institution of the list, each after a confirmation:
 * send its link (after checking a mismatch or another address), reissue or revoke
 * it, or ask an institution without a confirmed registration to register. An
 * unconfirmed registration is never offered a link.
 */
export function ItemActions({
  item,
  batchId,
  onDone,
}: {
  item: VendorItem;
  batchId: string;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reissue = useMutation(trpc.vendorPortal.reissueLink.mutationOptions());
  const revoke = useMutation(trpc.vendorPortal.revokeLink.mutationOptions());
  const remind = useMutation(trpc.vendorPortal.remindUnregistered.mutationOptions());

  const name = item.ministry.name;
  const mismatched = item.match.status === "mismatched";
  const otherAddress = isOtherAddressOnly(item);
  const state = item.link.state;
  const actions: Action[] = [];
  if (item.match.status === "not_registered" || isUnconfirmed(item)) {
    actions.push("remind");
    // A link sent before registrations had to be confirmed can still be stopped.
    if (state === "live") actions.push("revoke");
  } else if (state === "address_changed") actions.push("resendToRegistry");
  else if (state === "none") actions.push("send");
  else if (state === "live") actions.push("reissue", "revoke");
  else if (state === "expired" || state === "revoked") actions.push("reissue");

  const run = async (action: Action): Promise<string> => {
    switch (action) {
      case "send":
      case "reissue":
        await reissue.mutateAsync(
          otherAddress
            ? { itemId: item.id, allowEmailDiffers: true }
            : { itemId: item.id, allowMismatched: mismatched },
        );
        return `${name}に購入リンクを送信しました。`;
      case "resendToRegistry":
        await reissue.mutateAsync({
          itemId: item.id,
          allowMismatched: mismatched,
          toRegistryAddress: true,
        });
        return `${name}の変更後のメールアドレスに購入リンクを送信しました。`;
      case "revoke":
        await revoke.mutateAsync({ itemId: item.id });
        return `${name}の購入リンクを取り消しました。`;
      case "remind": {
        const result = await remind.mutateAsync({ batchId, itemIds: [item.id] });
        return result.sent > 0
          ? `${name}に施設登録の依頼メールを送信しました。`
          : `${name}には最近依頼メールを送信済みのため、今回は送信しませんでした。`;
      }
    }
  };

  const confirm = async () => {
    if (open === null) return;
    setError(null);
    try {
      const message = await run(open);
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batch.pathKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.batches.queryKey() });
      setOpen(null);
      onDone(message);
    } catch (failure) {
      setError(errorMessageJa(failure));
      throw failure;
    }
  };

  if (actions.length === 0) return null;
  const text = open === null ? null : actionText(item, open);
  const labels: Record<Action, string> = {
    send: otherAddress
      ? "メールアドレスを確認して購入リンクを送信"
      : mismatched
        ? "確認のうえ購入リンクを送信"
        : "購入リンクを送信",
    reissue: "再発行",
    resendToRegistry: "変更後のアドレスに再送信",
    revoke: "取り消す",
    remind: "登録依頼メールを送信",
  };
  return (
    <div className="vendor-item__actions">
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === "revoke" ? "tertiary" : "secondary"}
          aria-label={`${name}：${labels[action]}`}
          onClick={() => {
            setError(null);
            setOpen(action);
          }}
        >
          {labels[action]}
        </Button>
      ))}
      <ConfirmDialog
        open={open !== null}
        title={text?.title ?? ""}
        description={text?.description}
        confirmLabel={text?.confirmLabel ?? ""}
        confirmVariant={text?.danger ? "danger" : "primary"}
        onConfirm={confirm}
        onCancel={() => setOpen(null)}
        error={error}
      >
        {open === "send" && (mismatched || otherAddress) && (
          <SideBySideDiff
            ministry={item.ministry}
            registration={
              item.registration && { ...item.registration, name: item.registration.facilityName }
            }
            differences={item.match.differences}
            emailDiffers={otherAddress}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}
