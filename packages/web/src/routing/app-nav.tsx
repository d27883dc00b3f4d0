import type { NavItem, NavLinkRenderProps } from "@sos/ui";
import { Link, matchPath, useLocation } from "react-router";
import { useSosApp } from "../app-definition";
import type { SignedInUser } from "../session/signed-in-user";

/**
 * The app's menu for the AppShell, with the entry of the page being shown marked
 * current; entries meant for other roles are left out (all of them signed out).
 */
export function useAppNavItems(user: SignedInUser | null): NavItem[] {
  const app = useSosApp();
  const { pathname } = useLocation();
  const visible = (app.nav ?? []).filter(
    (item) =>
      (item.roles === undefined || (user !== null && item.roles.includes(user.role))) &&
      (item.visibleTo === undefined || (user !== null && item.visibleTo(user))),
  );
  return visible.map((item) => ({
    href: item.to,
    label: item.label,
    current: matchPath({ path: item.to, end: item.end ?? false }, pathname) !== null,
  }));
}

/** The AppShell's menu links as router links: no page reload, and the basename applied. */
export function renderRouterNavLink({ item, children, ...props }: NavLinkRenderProps) {
  return (
    <Link to={item.href} {...props}>
      {children}
    </Link>
  );
}
