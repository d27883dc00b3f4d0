import { CONDITIONS_CONFIRMATION_LABEL } from "@sos/domain";
import { formatPhone } from "@sos/rules";
import { Notice } from "@sos/ui";
import type { ReactNode } from "react";
import type { SosRequestDetail } from "../api-types";
import { ConsentTerms } from "./consent-terms";
import "./sos-request-form.css";

/** A saved request's form values as the API gives them (contactPhone digits only, or null). */
export type SosRequestInitialValues = Partial<
  Pick<SosRequestDetail, "contactName" | "contactPhone" | "notes"> & {
    conditionsConfirmed: boolean;
  }
>;

export interface SosRequestViewProps {
  values: SosRequestInitialValues | null;
  /** Why it cannot be edited (e.g. 受付完了); shown above the values. */
  readOnlyReason?: string | null | undefined;
  children?: ReactNode;
}

/** A request's form values without inputs, with the consent terms it was filed under. */
export function SosRequestView({ values, readOnlyReason, children }: SosRequestViewProps) {
  const phone = values?.contactPhone;
  return (
    <div className="sos-request-form sos-request-form--read-only">
      {children}
      {readOnlyReason && (
        <Notice title="この要請は編集できません" headingLevel={2}>
          <p>{readOnlyReason}</p>
        </Notice>
      )}
      <dl className="sos-request-form__values">
        <div>
          <dt>担当者氏名</dt>
          <dd>{values?.contactName || "（未入力）"}</dd>
        </div>
        <div>
          <dt>電話番号</dt>
          <dd>{phone ? formatPhone(phone) : "（未入力：医療機関の電話番号に連絡します）"}</dd>
        </div>
        <div>
          <dt>備考</dt>
          <dd className="sos-request-form__notes">{values?.notes || "（なし）"}</dd>
        </div>
        <div>
          <dt>緊急配布条件の確認</dt>
          <dd>
            {values?.conditionsConfirmed
              ? `確認済み（${CONDITIONS_CONFIRMATION_LABEL}）`
              : "未確認"}
          </dd>
        </div>
      </dl>
      <ConsentTerms />
    </div>
  );
}
