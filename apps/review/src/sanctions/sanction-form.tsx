import { zodResolver } from "@hookform/resolvers/zod";
import { institutionCodeField, requiredText } from "@sos/domain";
import {
  Alert,
  Button,
  ConfirmDialog,
  DateField,
  ErrorSummary,
  type FieldErrorItem,
  formatJaDate,
  invalidDateMessage,
  isIsoDate,
  Textarea,
  TextField,
} from "@sos/ui";
import { useEffect, useId, useState } from "react";
import { Controller, type FieldErrors, useForm } from "react-hook-form";
import { z } from "zod/mini";
import type { SanctionTarget } from "../api-types";
import { REASON_MAX_LENGTH } from "../common/messages";
import "../common/review-parts.css";

/** A new measure (sanctions.create). */
export interface SanctionFormValues {
  /** The 10-digit institution code, digits only. */
  institutionCode: string;
  reason: string;
  /** YYYY-MM-DD (Tokyo): requests filed from this day fail the system check. */
  effectiveFrom: string;
}

export type SanctionFieldErrors = Partial<Record<keyof SanctionFormValues, string>>;

/** The institution a code names, or why it cannot be shown (a Japanese message for the code field). */
export type SanctionTargetLookup = (
  institutionCode: string,
) => Promise<{ target: SanctionTarget } | { error: string }>;

export interface SanctionFormProps {
  /** Who the code names (sanctions.target): the confirmation shows it, so a typo is seen. */
  lookupTarget: SanctionTargetLookup;
  /** Registers the measure, after a confirmation. Resolve once saved; reject when not. */
  onSubmit: (values: SanctionFormValues) => Promise<void>;
  /** Today (YYYY-MM-DD, Tokyo): the effective date offered. */
  defaultEffectiveFrom: string;
  fieldErrors?: SanctionFieldErrors | null | undefined;
  serverError?: string | null | undefined;
}

const EFFECTIVE_REQUIRED = "適用開始日を入力してください";

const SanctionInput = z.object({
  institutionCode: institutionCodeField,
  reason: requiredText("措置の理由", REASON_MAX_LENGTH),
  effectiveFrom: z.string().check(
    z.minLength(1, { error: EFFECTIVE_REQUIRED }),
    z.refine((value) => value === "" || isIsoDate(value), {
      error: invalidDateMessage("適用開始日"),
    }),
  ),
});

const FIELDS = ["institutionCode", "reason", "effectiveFrom"] as const;

type Draft = { institutionCode: string; reason: string; effectiveFrom: string };

/**
 * A measure under consent term ④ (resale or another breach): from the effective
 * day the institution's new requests fail the system check, showing the reason.
 */
export function SanctionForm({
  lookupTarget,
  onSubmit,
  defaultEffectiveFrom,
  fieldErrors,
  serverError,
}: SanctionFormProps) {
  const formId = useId();
  const ids = {
    institutionCode: `${formId}-code`,
    reason: `${formId}-reason`,
    effectiveFrom: `${formId}-from`,
  } satisfies Record<keyof SanctionFormValues, string>;
  const empty: Draft = { institutionCode: "", reason: "", effectiveFrom: defaultEffectiveFrom };
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, submitCount },
  } = useForm<Draft, unknown, SanctionFormValues>({
    resolver: zodResolver(SanctionInput),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const [confirming, setConfirming] = useState<SanctionFormValues | null>(null);
  const [target, setTarget] = useState<SanctionTarget | null>(null);
  const [saved, setSaved] = useState<SanctionFormValues | null>(null);

  const fieldErrorsKey = JSON.stringify(fieldErrors ?? {});
  const hasFieldErrors = fieldErrorsKey !== "{}";
  useEffect(() => {
    const given = JSON.parse(fieldErrorsKey) as SanctionFieldErrors;
    for (const field of FIELDS) {
      const message = given[field];
      if (message) setError(field, { type: "server", message });
    }
    // A refusal about a field is shown at the field, not in the dialog.
    if (Object.keys(given).length > 0) setConfirming(null);
  }, [fieldErrorsKey, setError]);

  const items: FieldErrorItem[] =
    submitCount > 0
      ? FIELDS.flatMap((field) => {
          const message = (errors as FieldErrors<Draft>)[field]?.message;
          return message ? [{ fieldId: ids[field], message }] : [];
        })
      : [];

  return (
    <>
      <form
        className="sos-review-form"
        noValidate
        aria-label="措置の登録"
        onSubmit={handleSubmit(async (values) => {
          setSaved(null);
          const found = await lookupTarget(values.institutionCode);
          if ("error" in found) {
            setError("institutionCode", { type: "server", message: found.error });
            return;
          }
          setTarget(found.target);
          setConfirming(values);
        })}
      >
        {saved !== null && (
          <Alert tone="success">
            {target === null ? "" : `「${target.name}」（`}医療機関コード {saved.institutionCode}
            {target === null ? "" : "）"}への措置を登録しました（
            {formatJaDate(saved.effectiveFrom)}から適用）。
          </Alert>
        )}
        {serverError && !hasFieldErrors && confirming === null && (
          <Alert tone="error">{serverError}</Alert>
        )}
        <ErrorSummary errors={items} focusKey={submitCount} />
        <TextField
          id={ids.institutionCode}
          label="医療機関コード"
          hint="10桁の数字（例：1312345678）。全角やハイフン付きでも入力できます。"
          required
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          error={errors.institutionCode?.message}
          {...register("institutionCode")}
        />
        <Textarea
          id={ids.reason}
          label="措置の理由"
          hint="この医療機関がシステムチェックを行うと、エラーの内容としてこの理由が表示されます。"
          required
          rows={4}
          maxLength={REASON_MAX_LENGTH}
          error={errors.reason?.message}
          {...register("reason")}
        />
        <Controller
          control={control}
          name="effectiveFrom"
          render={({ field }) => (
            <DateField
              id={ids.effectiveFrom}
              label="適用開始日"
              hint="この日以降の要請は、システムチェックでエラーになります。"
              required
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errors.effectiveFrom?.message}
            />
          )}
        />
        <div className="sos-review-form__actions">
          <Button type="submit" variant="danger">
            措置を登録…
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming !== null}
        title={target === null ? "措置を登録します" : `「${target.name}」に措置を登録します`}
        description={
          confirming === null ? undefined : (
            <>
              <dl className="sos-review-facts">
                <dt>医療機関</dt>
                <dd>{target?.name}</dd>
                <dt>都道府県・種別</dt>
                <dd>
                  {target?.prefectureName}・{target?.typeLabel}
                </dd>
                <dt>医療機関コード</dt>
                <dd>{confirming.institutionCode}</dd>
                <dt>適用開始日</dt>
                <dd>{formatJaDate(confirming.effectiveFrom)}</dd>
                <dt>理由</dt>
                <dd>{confirming.reason}</dd>
              </dl>
              {target !== null && target.openSanctions > 0 && (
                <Alert tone="warning">
                  この医療機関には、解除されていない措置がすでに{target.openSanctions}
                  件あります。重ねて登録する必要があるか確認してください。
                </Alert>
              )}
              <p>
                適用開始日以降、この医療機関の新しい要請はシステムチェックでエラーとなり、対応されません。
              </p>
            </>
          )
        }
        confirmLabel="措置を登録する"
        confirmVariant="danger"
        pendingLabel="登録中"
        error={serverError}
        onCancel={() => setConfirming(null)}
        onConfirm={async () => {
          if (confirming === null) return;
          await onSubmit(confirming);
          setSaved(confirming);
          setConfirming(null);
          reset(empty);
        }}
      />
    </>
  );
}
