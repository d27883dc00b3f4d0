import { ConfirmDialog, PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Account } from "../api-types";
import { type AccountActionName, AccountTable } from "./account-table";
import { listInputOf, type MinistryFilter, MinistryFilters } from "./ministry-filters";

interface Wording {
  title: string;
  text: string;
  label: string;
  done: string;
}

const CONFIRM: Readonly<Record<AccountActionName, Wording>> = {
  disable: {
    title: "の利用を停止します",
    text: "停止すると、この人はすぐにログアウトされ、再びログインできなくなります。いつでも利用を再開できます。",
    label: "利用を停止する",
    done: "の利用を停止しました。",
  },
  enable: {
    title: "の利用を再開します",
    text: "この人は再びログインできるようになります。",
    label: "利用を再開する",
    done: "の利用を再開しました。",
  },
  setLead: {
    title: "を主担当にします",
    text: "主担当は、同じ都道府県の担当者（主担当を除く）の利用停止・再開ができるようになります。",
    label: "主担当にする",
    done: "を主担当にしました。",
  },
  unsetLead: {
    title: "を主担当から外します",
    text: "この人は他の担当者を管理できなくなります。",
    label: "主担当から外す",
    done: "を主担当から外しました。",
  },
};

/**
 * 「アカウント管理」: the ministry manages the prefectures' officers (by prefecture)
 * and the vendor's users — disable, enable, name the lead officer; a prefecture's
 * lead officer manages its own prefecture's officers. Whom is the server's
 * decision (accounts.people); the buttons are those it allows.
 */
export function AccountsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<MinistryFilter>({ kind: "staff" });
  const list = useQuery(
    trpc.accounts.people.queryOptions(listInputOf(filter), { placeholderData: keepPreviousData }),
  );
  const disable = useMutation(trpc.accounts.disable.mutationOptions());
  const enable = useMutation(trpc.accounts.enable.mutationOptions());
  const setLead = useMutation(trpc.accounts.setLead.mutationOptions());
  const [pending, setPending] = useState<{ person: Account; action: AccountActionName } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async () => {
    if (pending === null) return;
    const { person, action } = pending;
    setError(null);
    try {
      const userId = person.id;
      if (action === "disable") await disable.mutateAsync({ userId });
      if (action === "enable") await enable.mutateAsync({ userId });
      if (action === "setLead" || action === "unsetLead") {
        await setLead.mutateAsync({ userId, lead: action === "setLead" });
      }
      setDone(`${person.displayName}さん${CONFIRM[action].done}`);
      setPending(null);
    } catch (failure) {
      setError(errorMessageJa(failure));
      throw failure;
    } finally {
      await queryClient.invalidateQueries(trpc.accounts.pathFilter());
    }
  };

  const ministry = list.data?.scope === "ministry";
  return (
    <div className="sos-stack">
      <PageTitle>アカウント管理</PageTitle>
      <PageHeader
        title="アカウント管理"
        description={
          ministry
            ? "都道府県担当者と販売業者の利用者について、利用停止・再開と主担当の指定ができます。医療機関の職員は、医療機関コードで表示して利用を停止できます。利用を停止すると、その人はすぐにログアウトされます。"
            : "同じ都道府県の担当者（主担当を除く）について、利用停止・再開ができます。利用を停止すると、その人はすぐにログアウトされます。"
        }
      />
      {ministry && <MinistryFilters filter={filter} onChange={setFilter} />}
      {done !== null && (
        <p role="status" className="rev-accounts__done">
          {done}
        </p>
      )}
      {list.data === undefined ? (
        list.isError ? (
          <LoadFailed
            title="利用者の一覧を表示できませんでした"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <Loading>利用者の一覧を読み込んでいます…</Loading>
        )
      ) : (
        <AccountTable
          caption="利用者の一覧"
          people={list.data.people}
          onAction={(person, action) => {
            setError(null);
            setDone(null);
            setPending({ person, action });
          }}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending === null
            ? ""
            : `${pending.person.displayName}さん${CONFIRM[pending.action].title}`
        }
        description={pending === null ? "" : CONFIRM[pending.action].text}
        confirmLabel={pending === null ? "" : CONFIRM[pending.action].label}
        confirmVariant={pending?.action === "disable" ? "danger" : "primary"}
        onConfirm={run}
        onCancel={() => setPending(null)}
        error={error}
      />
    </div>
  );
}
