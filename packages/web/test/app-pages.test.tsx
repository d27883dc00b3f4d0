import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { Link, useSearchParams } from "react-router";
import { describe, expect, it } from "vitest";
import type { AppNavItem } from "../src/app-definition";
import { KEEP_FOCUS_STATE } from "../src/routing/root-layout";
import { useOptionalSignedInUser, useSignedInUser } from "../src/session/signed-in-user";
import { createFakeApi, FAKE_PASSWORD, fakeUser } from "./fake-api";
import { renderApp } from "./render-app";

const hospital = fakeUser("institution");
const vendor = fakeUser("vendor");
const everyone = [hospital, vendor];

function TestHome() {
  const user = useSignedInUser();
  return (
    <div>
      <h1>ホーム</h1>
      <p>{user.displayName}さん</p>
    </div>
  );
}

/** A list with views in the address, switched in place, and a link to another page. */
function SurveysPage() {
  const [searchParams] = useSearchParams();
  return (
    <div>
      <h1>週次調査</h1>
      <p>表示：{searchParams.get("view") ?? "すべて"}</p>
      <Link to="/surveys?view=未回答" state={KEEP_FOCUS_STATE}>
        未回答だけ
      </Link>
      <Link to="/">ホームへ</Link>
    </div>
  );
}

/** Stands in for the self-check sheet: usable by anyone, prefilled for the signed-in. */
function SelfCheckPage() {
  const user = useOptionalSignedInUser();
  return (
    <div>
      <h1>自己チェック</h1>
      <p>{user ? `${user.displayName}さんの回答で判定` : "ログインせずに判定"}</p>
    </div>
  );
}

const NAV: AppNavItem[] = [
  { to: "/", label: "ホーム", end: true },
  { to: "/surveys", label: "週次調査" },
  { to: "/self-check", label: "自己チェック" },
];

const pages = {
  nav: NAV,
  routes: [
    { path: "/surveys", element: <SurveysPage /> },
    { path: "/surveys/:id", element: <SurveysPage /> },
  ],
  publicRoutes: [{ path: "/self-check", element: <SelfCheckPage /> }],
};

function menu() {
  return screen.getByRole("navigation", { name: "メインメニュー" });
}

function currentEntry(): string | null {
  const current = within(menu())
    .getAllByRole("link")
    .filter((link) => link.getAttribute("aria-current") === "page");
  expect(current.length).toBeLessThanOrEqual(1);
  return current[0]?.textContent ?? null;
}

describe("the app's menu", () => {
  it("lists the app's pages and marks the one being shown, also below it", async () => {
    const { router, user } = renderApp({
      api: createFakeApi(everyone, hospital),
      home: TestHome,
      pages,
      path: "/surveys/123",
    });
    await screen.findByRole("heading", { level: 1, name: "週次調査" });
    const links = within(menu()).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["ホーム", "週次調査", "自己チェック"]);
    expect(currentEntry()).toBe("週次調査");

    // The home entry is current on "/" only, not on every page below it.
    await user.click(within(menu()).getByRole("link", { name: "ホーム" }));
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    expect(router.state.location.pathname).toBe("/");
    expect(currentEntry()).toBe("ホーム");
  });

  it("shows each role of a shared app only the entries meant for it", async () => {
    const officer = fakeUser("prefecture");
    const ministry = fakeUser("ministry");
    const reviewPages = {
      nav: [
        { to: "/", label: "ホーム", end: true },
        { to: "/surveys", label: "確認待ちの要請", roles: ["prefecture"] },
        { to: "/self-check", label: "進捗状況", roles: ["ministry"] },
      ] satisfies AppNavItem[],
    };
    const labels = () =>
      within(menu())
        .getAllByRole("link")
        .map((link) => link.textContent);

    renderApp({
      api: createFakeApi([officer, ministry], officer),
      app: "review",
      home: TestHome,
      pages: reviewPages,
    });
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    expect(labels()).toEqual(["ホーム", "確認待ちの要請"]);
    cleanup();

    renderApp({
      api: createFakeApi([officer, ministry], ministry),
      app: "review",
      home: TestHome,
      pages: reviewPages,
    });
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    expect(labels()).toEqual(["ホーム", "進捗状況"]);
  });

  it("is not offered to a user of another app", async () => {
    renderApp({ api: createFakeApi(everyone, vendor), home: TestHome, pages });
    await screen.findByRole("heading", { level: 1, name: "医療機関向けのページは利用できません" });
    expect(screen.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
  });
});

describe("a public page", () => {
  it("works signed out, with a way to sign in that comes back to it", async () => {
    const api = createFakeApi(everyone);
    const { router, user } = renderApp({ api, home: TestHome, pages, path: "/self-check" });
    await screen.findByRole("heading", { level: 1, name: "自己チェック" });
    expect(screen.getByText("ログインせずに判定")).toBeTruthy();
    expect(screen.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
    expect(router.state.location.pathname).toBe("/self-check");

    await user.click(screen.getByRole("link", { name: "ログインする" }));
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(router.state.location.search).toBe("?next=%2Fself-check");
    await user.type(screen.getByLabelText(/ユーザー名/, { selector: "input" }), hospital.username);
    await user.type(screen.getByLabelText(/^パスワード/, { selector: "input" }), FAKE_PASSWORD);
    await user.click(screen.getByRole("button", { name: "ログイン" }));

    await screen.findByText("山田 花子さんの回答で判定");
    expect(router.state.location.pathname).toBe("/self-check");
    expect(currentEntry()).toBe("自己チェック");
  });

  it("gives a signed-in user of the app the menu and the user", async () => {
    renderApp({
      api: createFakeApi(everyone, hospital),
      home: TestHome,
      pages,
      path: "/self-check",
    });
    await screen.findByText("山田 花子さんの回答で判定");
    expect(currentEntry()).toBe("自己チェック");
    expect(screen.queryByRole("link", { name: "ログインする" })).toBeNull();
  });

  it("treats a user of another app as not signed in to this one", async () => {
    renderApp({ api: createFakeApi(everyone, vendor), home: TestHome, pages, path: "/self-check" });
    await screen.findByText("ログインせずに判定");
    expect(screen.queryByRole("navigation", { name: "メインメニュー" })).toBeNull();
    // Signed in elsewhere: they can sign out, so they are not asked to sign in.
    expect(screen.getByRole("button", { name: "ログアウト" })).toBeTruthy();
  });

  it("signing out from it confirms it on the sign-in page", async () => {
    const api = createFakeApi(everyone, hospital);
    const { router, user } = renderApp({ api, home: TestHome, pages, path: "/self-check" });
    await screen.findByText("山田 花子さんの回答で判定");
    await user.click(screen.getByRole("button", { name: "メニュー" }));
    await user.click(screen.getByRole("button", { name: "ログアウト" }));
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByRole("status").textContent).toContain("ログアウトしました。");
    await waitFor(() => expect(router.state.location.pathname).toBe("/sign-in"));
    expect(api.session).toBeNull();
  });

  it("can present itself as the app's storefront: its own name, no sign-in offered", async () => {
    const storefront = {
      ...pages,
      publicFrame: { appTitle: "医療用手袋 購入サイト", signInPrompt: false },
    };
    renderApp({
      api: createFakeApi(everyone),
      app: "vendor",
      home: TestHome,
      pages: storefront,
      path: "/self-check",
    });
    await screen.findByText("ログインせずに判定");
    expect(screen.getByText("医療用手袋 購入サイト")).toBeTruthy();
    expect(screen.queryByText("販売業者向け")).toBeNull();
    expect(screen.queryByRole("link", { name: "ログインする" })).toBeNull();
    cleanup();

    // The app's own users see it in the back office's frame, with the menu.
    renderApp({
      api: createFakeApi(everyone, vendor),
      app: "vendor",
      home: TestHome,
      pages: storefront,
      path: "/self-check",
    });
    await screen.findByText(`${vendor.displayName}さんの回答で判定`);
    expect(screen.getByText("販売業者向け")).toBeTruthy();
    expect(screen.queryByText("医療用手袋 購入サイト")).toBeNull();
    expect(currentEntry()).toBe("自己チェック");
  });

  it("is still shown, signed out, when the session cannot be checked", async () => {
    const api = createFakeApi(everyone, hospital);
    api.offline = true;
    renderApp({ api, home: TestHome, pages, path: "/self-check" });
    // Network failures are retried twice (1 s, then 2 s) before giving up.
    await screen.findByText("ログインせずに判定", {}, { timeout: 6000 });
  }, 10_000);
});

describe("focus after navigation", () => {
  it("moves to the new page's heading, but stays put for a change within the page", async () => {
    const { user } = renderApp({
      api: createFakeApi(everyone, hospital),
      home: TestHome,
      pages,
      path: "/surveys",
    });
    await screen.findByRole("heading", { level: 1, name: "週次調査" });
    const view = screen.getByRole("link", { name: "未回答だけ" });
    await user.click(view);
    await screen.findByText("表示：未回答");
    expect(document.activeElement).toBe(view);

    await user.click(screen.getByRole("link", { name: "ホームへ" }));
    const home = await screen.findByRole("heading", { level: 1, name: "ホーム" });
    await waitFor(() => expect(document.activeElement).toBe(home));
  });
});
