import { useQueryClient } from "@tanstack/react-query";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ERROR_MESSAGES } from "../src/errors";
import { useSignedInUser } from "../src/session/signed-in-user";
import { createFakeApi, FAKE_PASSWORD, FAKE_RESET_TOKEN, fakeUser } from "./fake-api";
import { renderApp } from "./render-app";

const hospital = fakeUser("institution");
const tokyo = fakeUser("prefecture");
const mhlw = fakeUser("ministry");
const vendor = fakeUser("vendor");
const everyone = [hospital, tokyo, mhlw, vendor];

/** Stands in for an app's home page: who is signed in, and a way to refetch everything. */
function TestHome() {
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  return (
    <div>
      <h1>ホーム</h1>
      <p>{user.displayName}さん</p>
      <button type="button" onClick={() => void queryClient.invalidateQueries()}>
        最新の状態にする
      </button>
    </div>
  );
}

function usernameBox() {
  return screen.getByLabelText(/ユーザー名/, { selector: "input" });
}

function passwordBox() {
  return screen.getByLabelText(/^パスワード/, { selector: "input" });
}

describe("signing in", () => {
  it("sends a signed-out visitor to the sign-in page", async () => {
    const { router } = renderApp({ api: createFakeApi(everyone), home: TestHome });
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.search).toBe("");
    await waitFor(() => expect(document.title).toBe("ログイン | 医療機関向け | SOS Supply"));
  });

  it("refuses a wrong password with the server's message, then signs in", async () => {
    const api = createFakeApi(everyone);
    const { user } = renderApp({ api, home: TestHome });
    await user.type(
      await screen.findByLabelText(/ユーザー名/, { selector: "input" }),
      hospital.username,
    );
    await user.type(passwordBox(), "Machigai2026");
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "ユーザー名またはパスワードが正しくありません。",
    );

    await user.type(passwordBox(), FAKE_PASSWORD);
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    const home = await screen.findByRole("heading", { level: 1, name: "ホーム" });
    expect(screen.getByText("山田 花子さん")).toBeTruthy();
    expect(api.session).toEqual(hospital);
    // The submit button is gone: focus starts again at the new page's heading.
    await waitFor(() => expect(document.activeElement).toBe(home));
  });

  it("returns to the page first asked for", async () => {
    const api = createFakeApi(everyone);
    const { router, user } = renderApp({ api, home: TestHome, path: "/requests/7?tab=history" });
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(router.state.location.search).toBe("?next=%2Frequests%2F7%3Ftab%3Dhistory");
    await user.type(usernameBox(), hospital.username);
    await user.type(passwordBox(), FAKE_PASSWORD);
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    // No such page exists yet: the app's not-found page, behind the guard, answers.
    await screen.findByRole("heading", { level: 1, name: "ページが見つかりません" });
    expect(router.state.location.pathname).toBe("/requests/7");
    expect(router.state.location.search).toBe("?tab=history");
  });

  it("says so when the network is down", async () => {
    const api = createFakeApi(everyone);
    const { user } = renderApp({ api, home: TestHome });
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    api.offline = true;
    await user.type(usernameBox(), hospital.username);
    await user.type(passwordBox(), FAKE_PASSWORD);
    await user.click(screen.getByRole("button", { name: "ログイン" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "通信エラーが発生しました。接続を確認して再度お試しください。",
    );
  });
});

describe("the route guard", () => {
  it("shows a user of another app the way to their own", async () => {
    renderApp({ api: createFakeApi(everyone, vendor), home: TestHome });
    await screen.findByRole("heading", { level: 1, name: "医療機関向けのページは利用できません" });
    const link = screen.getByRole("link", { name: "販売業者向けのページへ移動" });
    expect(link.getAttribute("href")).toBe("/vendor/");
    expect(screen.queryByText("高橋 美咲さん")).toBeNull();
  });

  it.each([tokyo, mhlw])("lets $role officers into the review app", async (officer) => {
    renderApp({ api: createFakeApi(everyone, officer), app: "review", home: TestHome });
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    expect(screen.getByText(`${officer.displayName}さん`)).toBeTruthy();
  });

  it("keeps an institution user out of the review app", async () => {
    renderApp({ api: createFakeApi(everyone, hospital), app: "review", home: TestHome });
    await screen.findByRole("heading", {
      level: 1,
      name: "都道府県・国向けのページは利用できません",
    });
    expect(
      screen.getByRole("link", { name: "医療機関向けのページへ移動" }).getAttribute("href"),
    ).toBe("/institution/");
  });

  it("sends the user to sign in again when the session ended on the server", async () => {
    const api = createFakeApi(everyone, hospital);
    const { router, user } = renderApp({ api, home: TestHome, path: "/?week=48" });
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    api.session = null;
    await user.click(screen.getByRole("button", { name: "最新の状態にする" }));
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByRole("status").textContent).toContain("ログインの有効期限が切れました");
    expect(router.state.location.search).toBe("?next=%2F%3Fweek%3D48");
  });

  it("offers a retry when the session cannot be checked", async () => {
    const api = createFakeApi(everyone, hospital);
    api.offline = true;
    const { user } = renderApp({ api, home: TestHome });
    // Network failures are retried twice (1 s, then 2 s) before giving up.
    const alert = await screen.findByRole("alert", {}, { timeout: 6000 });
    expect(alert.textContent).toContain(ERROR_MESSAGES.network);
    api.offline = false;
    await user.click(screen.getByRole("button", { name: "再読み込み" }));
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
  }, 10_000);
});

describe("signing out", () => {
  it("ends the session, forgets the user and confirms it", async () => {
    const api = createFakeApi(everyone, hospital);
    const { router, user } = renderApp({ api, home: TestHome });
    await screen.findByRole("heading", { level: 1, name: "ホーム" });
    await user.click(screen.getByRole("button", { name: "メニュー" }));
    await user.click(screen.getByRole("button", { name: "ログアウト" }));
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByRole("status").textContent).toContain("ログアウトしました。");
    expect(router.state.location.search).toBe("");
    expect(api.session).toBeNull();
  });
});

describe("a forgotten password", () => {
  it("asks for the username and confirms without saying whether it exists", async () => {
    const api = createFakeApi(everyone);
    const { user } = renderApp({ api, home: TestHome, path: "/forgot-password" });
    await screen.findByRole("heading", { level: 1, name: "パスワードをお忘れの方" });
    await user.type(usernameBox(), "no-such-user");
    await user.click(screen.getByRole("button", { name: "再設定用のメールを送信" }));
    expect((await screen.findByRole("status")).textContent).toContain(
      "パスワード再設定用のメールを送信しました",
    );
    expect(api.resetRequests).toEqual(["no-such-user"]);
  });

  it("sets the new password from the emailed link, then asks to sign in", async () => {
    const api = createFakeApi(everyone);
    const { router, user } = renderApp({
      api,
      home: TestHome,
      path: `/reset-password?token=${FAKE_RESET_TOKEN}`,
    });
    await screen.findByRole("heading", { level: 1, name: "パスワード再設定" });
    await waitFor(() => expect(router.state.location.search).toBe(""));
    await user.type(
      screen.getByLabelText(/^新しいパスワード(?!（確認）)/, { selector: "input" }),
      "Atarashii2027",
    );
    await user.type(
      screen.getByLabelText(/新しいパスワード（確認）/, { selector: "input" }),
      "Atarashii2027",
    );
    await user.click(screen.getByRole("button", { name: "パスワードを変更する" }));
    await screen.findByRole("heading", { level: 1, name: "ログイン" });
    expect(screen.getByRole("status").textContent).toContain("パスワードを変更しました");
    expect(api.newPasswords).toEqual(["Atarashii2027"]);
  });

  it("explains an expired link and offers a new one", async () => {
    const api = createFakeApi(everyone);
    const { user } = renderApp({
      api,
      home: TestHome,
      path: "/reset-password?token=expired-token-0123456789",
    });
    await screen.findByRole("heading", { level: 1, name: "パスワード再設定" });
    await user.type(
      screen.getByLabelText(/^新しいパスワード(?!（確認）)/, { selector: "input" }),
      "Atarashii2027",
    );
    await user.type(
      screen.getByLabelText(/新しいパスワード（確認）/, { selector: "input" }),
      "Atarashii2027",
    );
    await user.click(screen.getByRole("button", { name: "パスワードを変更する" }));
    expect((await screen.findByRole("alert")).textContent).toContain("有効期限が切れています");
    const again = screen.getByRole("link", { name: "パスワード再設定をもう一度申請する" });
    expect(again.getAttribute("href")).toBe("/forgot-password");
  });

  it("rejects a link without a token before asking for anything", async () => {
    renderApp({ api: createFakeApi(everyone), home: TestHome, path: "/reset-password" });
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("このリンクは使用できません")).toBeTruthy();
    expect(screen.queryByLabelText(/新しいパスワード/, { selector: "input" })).toBeNull();
  });
});
