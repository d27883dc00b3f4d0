import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { lazyPage } from "../src/lazy-page";
import { useSignedInUser } from "../src/session/signed-in-user";
import { createFakeApi, fakeUser } from "./fake-api";
import { renderApp } from "./render-app";

const hospital = fakeUser("institution");
const HOME = "山田 花子さんのホーム";

/** The signed-in landing page: it renders inside the guard, so it knows the user. */
function TestHome() {
  return <h1>{useSignedInUser().displayName}さんのホーム</h1>;
}

function SurveysPage() {
  return <h1>週次調査</h1>;
}

/** A page module whose "download" the test finishes when it likes. */
function deferredModule<M>(module: M) {
  let finish = () => {};
  const loaded = new Promise<M>((resolve) => {
    finish = () => resolve(module);
  });
  return { load: () => loaded, finish };
}

describe("pages fetched on their first visit", () => {
  it("says the screen is loading until the first page's code arrives, then shows it", async () => {
    const home = deferredModule({ TestHome });
    renderApp({
      api: createFakeApi([hospital], hospital),
      home: lazyPage(home.load, "TestHome"),
    });
    expect((await screen.findByRole("status")).textContent).toBe("画面を読み込んでいます…");
    home.finish();
    await screen.findByRole("heading", { level: 1, name: HOME });
  });

  it("fetches a page's code once, on the first visit only", async () => {
    let loads = 0;
    const { router } = renderApp({
      api: createFakeApi([hospital], hospital),
      home: TestHome,
      pages: {
        routes: [
          {
            path: "/surveys",
            ...lazyPage(async () => {
              loads += 1;
              return { SurveysPage };
            }, "SurveysPage"),
          },
        ],
      },
    });
    await screen.findByRole("heading", { level: 1, name: HOME });
    expect(loads).toBe(0);
    for (const path of ["/surveys", "/", "/surveys"]) {
      await router.navigate(path);
      await screen.findByRole("heading", { level: 1, name: path === "/" ? HOME : "週次調査" });
    }
    expect(loads).toBe(1);
  });

  it("says in Japanese when a page's code cannot be fetched, and offers a reload", async () => {
    const { router } = renderApp({
      api: createFakeApi([hospital], hospital),
      home: TestHome,
      pages: {
        routes: [
          {
            path: "/orders",
            ...lazyPage(
              (): Promise<{ OrdersPage: () => null }> =>
                Promise.reject(new TypeError("Failed to fetch dynamically imported module")),
              "OrdersPage",
            ),
          },
        ],
      },
    });
    await screen.findByRole("heading", { level: 1, name: HOME });
    await router.navigate("/orders");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("画面を表示できませんでした");
    expect(alert.textContent).toContain("ページを再読み込みしてください");
    expect(screen.getByRole("button", { name: "再読み込み" })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Unexpected|Failed to fetch/);
  });
});
