import type { ReactNode } from "react";
import "./PageHeader.css";

export interface PageHeaderProps {
  /** The page's one h1. */
  title: ReactNode;
  /** A line under the title: what the page is for, or the record's key facts. */
  description?: ReactNode;
  /** Something beside the title, e.g. a StatusBadge. */
  meta?: ReactNode;
  /** The page's main actions (新規, 編集 …). */
  actions?: ReactNode;
  /** A way back up, e.g. { href: "/requests", label: "緊急配布要請の一覧へ戻る" }. */
  back?: { href: string; label: string };
}

export function PageHeader({ title, description, meta, actions, back }: PageHeaderProps) {
  return (
    <div className="sos-page-header">
      {back !== undefined && (
        <a className="sos-page-header__back" href={back.href}>
          <span aria-hidden="true">‹ </span>
          {back.label}
        </a>
      )}
      <div className="sos-page-header__main">
        <div className="sos-page-header__heading">
          <h1 className="sos-page-header__title">{title}</h1>
          {meta !== undefined && <div className="sos-page-header__meta">{meta}</div>}
        </div>
        {actions !== undefined && <div className="sos-page-header__actions">{actions}</div>}
      </div>
      {description !== undefined && (
        <div className="sos-page-header__description">{description}</div>
      )}
    </div>
  );
}
