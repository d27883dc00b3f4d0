import { Button } from "@sos/ui";
import { useId } from "react";
import type { Account } from "../api-types";
import "./accounts.css";
import { ACCOUNT_STATUS_LABELS, lastSignIn, MANAGES_LABELS, roleAndPlace } from "./labels";

export type AccountActionName = "disable" | "enable" | "setLead" | "unsetLead";

const ACTION_LABELS: Readonly<Record<AccountActionName, string>> = {
  disable: "利用停止",
  enable: "利用再開",
  setLead: "主担当にする",
  unsetLead: "主担当を外す",
};

export interface AccountTableProps {
  caption: string;
  people: ReadonlyArray<Account>;
  /** Without it the table only shows (「権限の一覧」). */
  onAction?: ((person: Account, action: AccountActionName) => void) | undefined;
}

/** People with where they act, their status and last sign-in; the caller's buttons per row. */
export function AccountTable({ caption, people, onAction }: AccountTableProps) {
  const captionId = useId();
  if (people.length === 0) return <p>該当する利用者はいません。</p>;
  return (
    <section className="rev-accounts__scroll" aria-labelledby={captionId}>
      <table className="rev-accounts__table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">氏名</th>
            <th scope="col">ユーザー名・メール</th>
            <th scope="col">権限</th>
            <th scope="col">管理できる範囲</th>
            <th scope="col">状態</th>
            <th scope="col">最終ログイン</th>
            {onAction !== undefined && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {person.displayName}
                {person.self && "（本人）"}
              </th>
              <td>
                {person.username}
                <br />
                {person.email}
              </td>
              <td>{roleAndPlace(person)}</td>
              <td>{MANAGES_LABELS[person.manages]}</td>
              <td>{ACCOUNT_STATUS_LABELS[person.status]}</td>
              <td>{lastSignIn(person)}</td>
              {onAction !== undefined && (
                <td className="rev-accounts__actions">
                  {(person.actions as AccountActionName[])
                    .filter((action) => action in ACTION_LABELS)
                    .map((action) => (
                      <Button
                        key={action}
                        variant={action === "disable" ? "danger" : "secondary"}
                        aria-label={`${person.displayName}を${ACTION_LABELS[action]}`}
                        onClick={() => onAction(person, action)}
                      >
                        {ACTION_LABELS[action]}
                      </Button>
                    ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
