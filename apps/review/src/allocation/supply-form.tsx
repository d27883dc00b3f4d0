import {
  Alert,
  Button,
  formatJaDateTime,
  formatNumber,
  NumberField,
  parseSets,
  SETS_MESSAGES,
} from "@sos/ui";
import { errorMessageJa, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { AllocationWeek } from "../api-types";

/**
 * Step 1: the sets available this week per size (what the vendor can ship),
 * and the lottery seed, fixed before the cutoff. A committed week is read only.
 */
export function SupplyForm({ week, now }: { week: AllocationWeek; now: Date }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stateSupply = useMutation(trpc.allocation.stateSupply.mutationOptions());
  const fixSeed = useMutation(trpc.allocation.fixSeed.mutationOptions());
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const committed = week.run !== null;
  const beforeCutoff = now.getTime() < new Date(week.cutoffAt).getTime();

  const boxText = (size: AllocationWeek["sizes"][number]) =>
    drafts[size.size] ?? (size.statedSets === null ? "" : String(size.statedSets));

  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.allocation.week.queryKey({ weekStart: week.weekStart }),
    });

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    const found: Record<string, string> = {};
    const changes: Array<{ size: AllocationWeek["sizes"][number]["size"]; sets: number }> = [];
    for (const size of week.sizes) {
      const text = boxText(size).trim();
      if (text === "") continue;
      const parsed = parseSets(text);
      if (!parsed.ok) found[size.size] = SETS_MESSAGES[parsed.error];
      else if (parsed.value !== size.statedSets)
        changes.push({ size: size.size, sets: parsed.value });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      for (const change of changes) {
        await stateSupply.mutateAsync({ weekStart: week.weekStart, ...change });
      }
      setDrafts({});
      await refresh();
      setOutcome({
        tone: "success",
        text: changes.length === 0 ? "変更はありません。" : "供給量を保存しました。",
      });
    } catch (failure) {
      setOutcome({ tone: "error", text: errorMessageJa(failure) });
    }
  };

  const seed = async () => {
    setOutcome(null);
    try {
      await fixSeed.mutateAsync({ weekStart: week.weekStart });
      await refresh();
    } catch (failure) {
      setOutcome({ tone: "error", text: errorMessageJa(failure) });
    }
  };

  return (
    <section className="sos-stack" aria-labelledby="allocation-supply">
      <h2 id="allocation-supply">1. この週の供給量（サイズ別）</h2>
      <p>
        事業者が出荷できるセット数（1セット＝1,000枚）をサイズごとに入力します。要望の合計が供給以内のサイズは、要望どおりに割り当てます。
      </p>
      {outcome !== null && (
        <Alert
          tone={outcome.tone}
          title={outcome.tone === "success" ? "保存しました" : "保存できませんでした"}
        >
          <p>{outcome.text}</p>
        </Alert>
      )}
      <form className="sos-stack" onSubmit={save} noValidate>
        <div className="rev-inline-form">
          {week.sizes.map((size) => (
            <NumberField
              key={size.size}
              label={`${size.label}の供給`}
              unit="セット"
              hint={`空き在庫 ${formatNumber(size.freeSets)}セット`}
              value={boxText(size)}
              error={errors[size.size]}
              disabled={committed}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setDrafts((current) => ({ ...current, [size.size]: text }));
              }}
            />
          ))}
        </div>
        {!committed && (
          <Button type="submit" loading={stateSupply.isPending} loadingLabel="保存中">
            供給量を保存
          </Button>
        )}
      </form>
      <h3>抽選シード</h3>
      {week.seed === null ? (
        beforeCutoff ? (
          <div className="sos-stack">
            <p>
              端数の抽選に使うシードは、締切（{formatJaDateTime(new Date(week.cutoffAt))}
              ）の前に決めて、そのハッシュ値を公開します。
            </p>
            <Button
              variant="secondary"
              onClick={seed}
              loading={fixSeed.isPending}
              loadingLabel="決定中"
            >
              抽選シードを決める
            </Button>
          </div>
        ) : (
          <Alert tone="warning" title="抽選シードが決められていません">
            <p>締切前にシードが決められていないため、この週の割当は計算できません。</p>
          </Alert>
        )
      ) : (
        <p>
          ハッシュ値（SHA-256）: <code className="rev-hash">{week.seed.sha256}</code>
          {week.seed.seed === null ? (
            "（シード自体は確定時に公開します）"
          ) : (
            <>
              <br />
              公開済みのシード: <code className="rev-hash">{week.seed.seed}</code>
            </>
          )}
        </p>
      )}
    </section>
  );
}
