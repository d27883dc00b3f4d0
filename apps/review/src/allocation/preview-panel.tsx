import { Alert, Button, ConfirmDialog, NumberField, Select, Textarea, TextField } from "@sos/ui";
import { errorMessageJa, fieldErrorsOf, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { AllocationParametersInput, AllocationWeek } from "../api-types";
import {
  draftOf,
  type ParameterDraft,
  type ParameterErrors,
  parseDraft,
  sameParameters,
  TIER_ORDERS,
  type TierOrderChoice,
} from "./parameters";
import { SummaryTables } from "./summary-tables";

/**
 * Steps 2 and 3: preview with the rule's parameters (the defaults, or changed
 * with a reason), then confirm and commit exactly what was previewed.
 */
export function PreviewPanel({ week, now }: { week: AllocationWeek; now: Date }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ParameterDraft>(() => draftOf(week.defaults));
  const [draftErrors, setDraftErrors] = useState<ParameterErrors>({});
  const [asked, setAsked] = useState<AllocationParametersInput | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const [commitError, setCommitError] = useState<string | null>(null);
  const preview = useQuery({
    ...trpc.allocation.preview.queryOptions({ weekStart: week.weekStart, parameters: asked }),
    enabled: asked !== null,
    retry: false,
  });
  const commit = useMutation(trpc.allocation.commit.mutationOptions());
  const changed = asked !== null && !sameParameters(asked, week.defaults);
  const afterCutoff = now.getTime() >= new Date(week.cutoffAt).getTime();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDraft(draft);
    if (!parsed.ok) {
      setDraftErrors(parsed.errors);
      return;
    }
    setDraftErrors({});
    // The same parameters again: ask again (the supply or the requests may have changed).
    if (asked !== null && sameParameters(asked, parsed.value)) void preview.refetch();
    else setAsked(parsed.value);
  };

  const openConfirm = () => {
    if (changed && reason.trim() === "") {
      setReasonError("変更の理由を入力してください");
      return;
    }
    setReasonError(undefined);
    setCommitError(null);
    setConfirming(true);
  };

  const confirm = async () => {
    if (preview.data === undefined || asked === null) return;
    try {
      await commit.mutateAsync({
        weekStart: week.weekStart,
        parameters: asked,
        reason: changed ? reason : "",
        inputSha256: preview.data.inputSha256,
      });
      setConfirming(false);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: trpc.allocation.week.queryKey({ weekStart: week.weekStart }),
        }),
        queryClient.invalidateQueries({ queryKey: trpc.allocation.runs.queryKey() }),
      ]);
    } catch (failure) {
      const fields = fieldErrorsOf(failure);
      setCommitError(fields?.reason?.[0] ?? errorMessageJa(failure));
      throw failure;
    }
  };

  return (
    <section className="sos-stack" aria-labelledby="allocation-preview">
      <h2 id="allocation-preview">2. プレビューと確定</h2>
      <p>
        要望が供給を超えたサイズは、公開しているルール（順位 → 必要量に比例 →
        端数は抽選）で割り当てます。パラメータは既定値のまま使うのが原則です。変更した場合は理由が記録されます。
      </p>
      <form className="sos-stack" onSubmit={submit} noValidate>
        <div className="rev-inline-form">
          <NumberField
            label="基準週数"
            unit="週"
            hint={`既定 ${week.defaults.thresholdWeeks}週`}
            value={draft.thresholdWeeks}
            error={draftErrors.thresholdWeeks}
            onChange={(event) => {
              const thresholdWeeks = event.currentTarget.value;
              setDraft((d) => ({ ...d, thresholdWeeks }));
            }}
          />
          <TextField
            label="在庫週数の帯"
            width="medium"
            suffix="週"
            hint={`既定 ${week.defaults.coverBandsWeeks.join("、")}週（区切りは「、」）`}
            value={draft.coverBands}
            error={draftErrors.coverBands}
            onChange={(event) => {
              const coverBands = event.currentTarget.value;
              setDraft((d) => ({ ...d, coverBands }));
            }}
          />
          <Select
            label="順位の基準"
            placeholder={null}
            options={TIER_ORDERS.map(({ value, label }) => ({ value, label }))}
            value={draft.tierOrder}
            onChange={(event) => {
              const tierOrder = event.currentTarget.value as TierOrderChoice;
              setDraft((d) => ({ ...d, tierOrder }));
            }}
          />
        </div>
        <Button
          type="submit"
          variant="secondary"
          loading={preview.isFetching}
          loadingLabel="計算中"
        >
          プレビューする
        </Button>
      </form>
      {preview.isError && (
        <Alert tone="error" title="プレビューできませんでした">
          <p>{errorMessageJa(preview.error)}</p>
        </Alert>
      )}
      {preview.data !== undefined && asked !== null && (
        <section className="sos-stack" aria-label="プレビューの結果">
          <Alert tone="info" title="プレビュー（まだ確定していません）">
            <p>
              ルール {preview.data.rule}・
              {changed ? "パラメータを既定値から変更しています" : "既定のパラメータ"}
            </p>
          </Alert>
          <SummaryTables summary={preview.data.summary} />
          {changed && (
            <Textarea
              label="パラメータを変更する理由"
              required
              hint="確定した割当とともに記録され、公開されます。"
              value={reason}
              error={reasonError}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
          )}
          {afterCutoff ? (
            <Button onClick={openConfirm}>この内容で確定する</Button>
          ) : (
            <p>締切後に確定できます（プレビューはいつでもできます）。</p>
          )}
        </section>
      )}
      <ConfirmDialog
        open={confirming}
        title="割当を確定しますか"
        description="確定すると、各医療機関への割当セット数が在庫から確保され、変更できなくなります。抽選シードも公開されます。"
        confirmLabel="確定する"
        pendingLabel="確定中"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
        error={commitError}
      />
    </section>
  );
}
