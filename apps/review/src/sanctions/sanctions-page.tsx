import { tokyoDate } from "@sos/rules";
import { PageHeader } from "@sos/ui";
import {
  errorMessageJa,
  fieldErrorsOf,
  KEEP_FOCUS_STATE,
  LoadFailed,
  Loading,
  PageTitle,
  useTRPC,
} from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import {
  type SanctionFieldErrors,
  SanctionForm,
  type SanctionFormValues,
  type SanctionTargetLookup,
} from "./sanction-form";
import { SanctionList } from "./sanction-list";

const STATES = ["in_force", "scheduled", "lifted"] as const;
type SanctionState = (typeof STATES)[number];

/** The API's field paths and the form's: an unknown code comes back as "institution". */
const FORM_FIELDS = {
  institutionCode: "institutionCode",
  institution: "institutionCode",
  reason: "reason",
  effectiveFrom: "effectiveFrom",
} as const;

/**
 * Measures under consent term ④ (resale or another breach): the ministry bars an
 * institution from a day on, with a reason, and may lift it. A barred institution's
 * new requests fail the system check with that reason.
 */
export function SanctionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = STATES.find((candidate) => candidate === searchParams.get("state")) ?? null;
  const list = useQuery(
    trpc.sanctions.list.queryOptions(state === null ? undefined : { state }, {
      placeholderData: keepPreviousData,
    }),
  );
  const create = useMutation(trpc.sanctions.create.mutationOptions());
  const lift = useMutation(trpc.sanctions.lift.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<SanctionFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [liftError, setLiftError] = useState<string | null>(null);
  // Today on the Tokyo calendar, whatever the computer's time zone.
  const [today] = useState(() => tokyoDate(new Date()));

  const refresh = () => queryClient.invalidateQueries(trpc.sanctions.pathFilter());

  const lookupTarget: SanctionTargetLookup = async (institutionCode) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      const target = await queryClient.fetchQuery(
        trpc.sanctions.target.queryOptions({ institutionCode }, { staleTime: 0, retry: false }),
      );
      return { target };
    } catch (error) {
      const given = fieldErrorsOf(error);
      return {
        error: given.institution?.[0] ?? given.institutionCode?.[0] ?? errorMessageJa(error),
      };
    }
  };

  const onSubmit = async (values: SanctionFormValues) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      await create.mutateAsync(values);
    } catch (error) {
      const given = fieldErrorsOf(error);
      const onFields: SanctionFieldErrors = {};
      for (const [path, field] of Object.entries(FORM_FIELDS)) {
        const message = given[path]?.[0];
        if (message !== undefined) onFields[field] = message;
      }
      setFieldErrors(onFields);
      if (Object.keys(onFields).length === 0) setServerError(errorMessageJa(error));
      throw error;
    }
    await refresh();
  };

  const onLift = async (id: string, reason: string) => {
    setLiftError(null);
    try {
      await lift.mutateAsync({ id, reason });
    } catch (error) {
      setLiftError(errorMessageJa(error));
      throw error;
    } finally {
      await refresh();
    }
  };

  return (
    <div className="sos-stack">
      <PageTitle>措置</PageTitle>
      <PageHeader
        title="措置"
        description="転売など同意事項に反した医療機関について、適用開始日以降の要請を受け付けないようにします（同意事項④）。措置中の医療機関の要請は、システムチェックで理由とともにエラーになります。"
      />
      <div className="rev-readable">
        <SanctionForm
          lookupTarget={lookupTarget}
          onSubmit={onSubmit}
          defaultEffectiveFrom={today}
          fieldErrors={fieldErrors}
          serverError={serverError}
        />
      </div>
      {list.data === undefined ? (
        list.isError ? (
          <LoadFailed
            title="措置の一覧を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <Loading>措置の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <SanctionList
          sanctions={list.data}
          onLift={onLift}
          liftError={liftError}
          stateFilter={state}
          onStateFilterChange={(next: SanctionState | null) =>
            setSearchParams(next === null ? {} : { state: next }, {
              state: KEEP_FOCUS_STATE,
              preventScrollReset: true,
            })
          }
        />
      )}
    </div>
  );
}
