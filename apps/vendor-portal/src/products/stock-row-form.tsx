import { Button, formatNumber, NumberField, parseSets } from "@sos/ui";
import { domainErrorCode, errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ProductSize } from "../api-types";

const SETS_ERRORS: Record<string, string> = {
  required: "在庫数を入力してください",
  not_a_number: "在庫数はセット単位の数字で入力してください（例：120）",
  not_integer: "在庫数はセット単位の整数で入力してください（1セット＝1,000枚）",
  negative: "在庫数は0以上で入力してください",
  too_large: "在庫数が大きすぎます",
  pieces: "在庫数はセット単位で入力してください（枚数ではありません）",
};

/**
 * A size's new stock. The stock shown is sent along: if orders changed it in the
 * meantime the update is refused rather than overwriting them, and the screen reloads.
 */
export function StockRowForm({
  size,
  onSaved,
}: {
  size: ProductSize;
  onSaved: (text: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.vendorPortal.updateStock.mutationOptions());
  const [value, setValue] = useState(String(size.stockSets));
  const [error, setError] = useState<string | null>(null);
  const [shownStock, setShownStock] = useState(size.stockSets);
  // The stock changed on the server (saved here, or taken by orders): the box shows it,
  // and a refusal's message stays, or the operator would not learn why nothing was saved.
  if (shownStock !== size.stockSets) {
    setShownStock(size.stockSets);
    setValue(String(size.stockSets));
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSets(value);
    if (!parsed.ok) {
      setError(SETS_ERRORS[parsed.error] ?? SETS_ERRORS.not_a_number ?? "");
      return;
    }
    setError(null);
    try {
      await update.mutateAsync({
        sizeId: size.id,
        stockSets: parsed.value,
        expectedStockSets: size.stockSets,
      });
      onSaved(`${size.label}の在庫を${formatNumber(parsed.value)}セットにしました。`);
    } catch (failure) {
      setError(errorMessageJa(failure));
      if (domainErrorCode(failure) === "STALE_VERSION") {
        await queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.products.queryKey() });
      }
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.products.queryKey() });
  };

  return (
    <form className="vendor-stock-form" onSubmit={(event) => void submit(event)} noValidate>
      <NumberField
        label={`${size.label}の在庫数`}
        unit="セット"
        value={value}
        error={error ?? undefined}
        onChange={(event) => setValue(event.currentTarget.value)}
      />
      <Button type="submit" variant="secondary" loading={update.isPending} loadingLabel="更新中">
        更新
      </Button>
    </form>
  );
}
