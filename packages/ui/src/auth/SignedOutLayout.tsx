import type { ReactNode } from "react";
import { MAIN_CONTENT_ID } from "../layout/AppShell";
import "./SignedOutLayout.css";

export interface SignedOutLayoutProps {
  /** The page's h1, e.g. 「ログイン」. */
  title: ReactNode;
  /** Which app this is, e.g. 「医療機関向け」. */
  appTitle?: string;
  productName?: string;
  footer?: ReactNode;
  children: ReactNode;
}

/** Sign-in, forgotten-password and reset pages: one centred card, the full width on a phone. */
export function SignedOutLayout({
  title,
  appTitle,
  productName = "SOS Supply",
  footer,
  children,
}: SignedOutLayoutProps) {
  return (
    <div className="sos-signed-out">
      <header className="sos-signed-out__header">
        <p className="sos-signed-out__product">{productName}</p>
        {appTitle !== undefined && <p className="sos-signed-out__app">{appTitle}</p>}
      </header>
      <main id={MAIN_CONTENT_ID} className="sos-signed-out__main">
        <div className="sos-signed-out__card">
          <h1 className="sos-signed-out__title">{title}</h1>
          {children}
        </div>
      </main>
      <footer className="sos-signed-out__footer">
        {footer ?? <p>{productName} — 医療用手袋の緊急配布</p>}
      </footer>
    </div>
  );
}
