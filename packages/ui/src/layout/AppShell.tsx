import { type MouseEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "../button/Button";
import "./AppShell.css";

export interface NavItem {
  href: string;
  label: string;
  /** The page being shown (aria-current="page"). */
  current?: boolean;
}

export interface NavLinkRenderProps {
  item: NavItem;
  className: string;
  "aria-current": "page" | undefined;
  onClick: () => void;
  children: ReactNode;
}

export interface AppShellUser {
  displayName: string;
  /** What the user acts as, e.g. 「大阪府 担当者」 or the institution's name. */
  detail?: string;
}

export interface AppShellProps {
  /** Which app this is, e.g. 「医療機関」「都道府県・国」「販売業者」. */
  appTitle: string;
  productName?: string;
  homeHref?: string;
  nav?: ReadonlyArray<NavItem>;
  /** Swap the plain <a> for a router's link; spread the props onto it. */
  renderLink?: (props: NavLinkRenderProps) => ReactNode;
  user?: AppShellUser | null;
  onSignOut?: () => void;
  signingOut?: boolean;
  footer?: ReactNode;
  /** Page and header up to 80rem instead of 60rem: for apps that are mostly tables. */
  wide?: boolean;
  children: ReactNode;
}

export const MAIN_CONTENT_ID = "sos-main";

function defaultRenderLink({ item, children, ...props }: NavLinkRenderProps) {
  return (
    <a href={item.href} {...props}>
      {children}
    </a>
  );
}

/**
 * The signed-in frame: skip link, banner with product, app and user, the main
 * navigation (a menu button on narrow screens) and the main landmark. Its layout
 * follows its own width (container query), so it behaves the same in a narrow pane.
 */
export function AppShell({
  appTitle,
  productName = "SOS Supply",
  homeHref = "/",
  nav = [],
  renderLink = defaultRenderLink,
  user,
  onSignOut,
  signingOut = false,
  footer,
  wide = false,
  children,
}: AppShellProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const hasPanel = nav.length > 0 || user != null;

  // Focus the main landmark directly rather than through the URL fragment: a client-side
  // router may treat a hash change as navigation.
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (main === null) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView({ block: "start" });
  };

  // Esc closes the open menu wherever focus is: right after opening it, focus is
  // still on the menu button, outside the panel.
  useEffect(() => {
    if (!menuOpen) return;
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setMenuOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [menuOpen]);

  return (
    <div className={wide ? "sos-app sos-app--wide" : "sos-app"}>
      <a className="sos-app__skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
        本文へスキップ
      </a>
      <header className="sos-app__header">
        <div className="sos-app__bar">
          <a className="sos-app__brand" href={homeHref}>
            <span className="sos-app__product">{productName}</span>
            <span className="sos-app__title">{appTitle}</span>
          </a>
          {hasPanel && (
            <button
              ref={toggleRef}
              type="button"
              className="sos-app__menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={panelId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="sos-app__menu-icon" aria-hidden="true" data-open={menuOpen} />
              {menuOpen ? "閉じる" : "メニュー"}
            </button>
          )}
        </div>
        {hasPanel && (
          <div id={panelId} className="sos-app__panel" data-open={menuOpen}>
            {nav.length > 0 && (
              <nav className="sos-app__nav" aria-label="メインメニュー">
                <ul className="sos-app__nav-list">
                  {nav.map((item) => (
                    <li key={item.href}>
                      {renderLink({
                        item,
                        className: "sos-app__nav-link",
                        "aria-current": item.current ? "page" : undefined,
                        onClick: () => setMenuOpen(false),
                        children: item.label,
                      })}
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {user != null && (
              <div className="sos-app__user">
                <p className="sos-app__user-name">
                  <span className="sos-visually-hidden">ログイン中：</span>
                  <span>{user.displayName}</span>
                  {user.detail !== undefined && (
                    <span className="sos-app__user-detail">{user.detail}</span>
                  )}
                </p>
                {onSignOut !== undefined && (
                  <Button variant="secondary" onClick={onSignOut} loading={signingOut}>
                    ログアウト
                  </Button>
                )}
              </div>
            )}
          </div>
        )}
      </header>
      <main id={MAIN_CONTENT_ID} className="sos-app__main" tabIndex={-1}>
        {children}
      </main>
      <footer className="sos-app__footer">
        {footer ?? <p>{productName} — 医療用手袋の緊急配布</p>}
      </footer>
    </div>
  );
}
