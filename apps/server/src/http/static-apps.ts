import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { APP_FOLDERS, APP_NAMES, type AppName } from "@sos/api";
import type { FastifyInstance, FastifyReply } from "fastify";
import { NOT_FOUND_MESSAGE, sendSafeError } from "./fallbacks";
import { html, page } from "./html";

export const APP_TITLES: Record<AppName, { ja: string; en: string; who: string }> = {
  institution: {
    ja: "医療機関向け",
    en: "Institutions",
    who: "病院・診療所・訪問看護事業所・薬局・助産所の方が、週次の在庫調査への回答や 緊急配布要請（SOS）、申請状況の確認を行います。",
  },
  review: {
    ja: "都道府県・国向け",
    en: "Prefectures & ministry",
    who: "都道府県の担当者が管内の申請を確認・完了し、国（厚生労働省）が承認して販売業者への対象リストを作成します。",
  },
  vendor: {
    ja: "販売業者向け",
    en: "Vendor",
    who: "販売業者が対象リストと施設登録を突き合わせ、購入用リンクのメール送付、受注、出荷を行います。",
  },
};

export function distDir(appsDir: string, app: AppName): string {
  return join(appsDir, APP_FOLDERS[app], "dist");
}

export function isBuilt(appsDir: string, app: AppName): boolean {
  return existsSync(join(distDir(appsDir, app), "index.html"));
}

// Vite names everything under assets/ by content hash: such a file never changes.
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

function sendIndex(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", REVALIDATE).sendFile("index.html");
}

/** A URL inside an app that names a file (has an extension) is not a client-side route. */
function looksLikeFile(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  const last = path.slice(path.lastIndexOf("/") + 1);
  return last.includes(".");
}

function notBuiltPage(app: AppName): string {
  const title = `${APP_TITLES[app].ja}アプリはまだビルドされていません`;
  return page({
    title,
    body: html`<h1>${title}</h1>
<p>画面のファイル（<code>apps/${APP_FOLDERS[app]}/dist</code>）が見つかりません。リポジトリのルートで次のコマンドを実行してから、サーバーを再起動してください。</p>
<p><code>pnpm build</code></p>
<p class="muted">The ${APP_TITLES[app].en} app has not been built: run <code>pnpm build</code> at the repository root, then restart the server.</p>
<p><a href="/">トップページへ戻る</a></p>`,
  });
}

/**
 * Serves each built app under /<app>/ with a fallback to its index.html for the
 * app's own client-side routes; a missing build answers 503 with how to fix it.
 */
export async function registerStaticApps(app: FastifyInstance, appsDir: string): Promise<void> {
  for (const name of APP_NAMES) {
    const root = distDir(appsDir, name);
    const built = isBuilt(appsDir, name);
    await app.register(
      async (scope) => {
        if (!built) {
          const answer = (_request: unknown, reply: FastifyReply) =>
            reply
              .code(503)
              .header("cache-control", "no-store")
              .type("text/html; charset=utf-8")
              .send(notBuiltPage(name));
          scope.get("/", answer);
          scope.get("/*", answer);
          return;
        }
        await scope.register(fastifyStatic, {
          root,
          prefix: "/",
          index: ["index.html"],
          wildcard: true,
          // The build writes file.br and file.gz beside each file (sosAppBuild in
          // @sos/web/vite): sent as they are to a browser that accepts them, with
          // Vary: Accept-Encoding, and the plain file to one that does not.
          preCompressed: true,
          // dist/.vite holds the build's manifest, for tests, not for browsers.
          dotfiles: "ignore",
          cacheControl: false,
          setHeaders: (reply, filePath) => {
            reply.header(
              "cache-control",
              filePath.startsWith(join(root, "assets")) ? IMMUTABLE : REVALIDATE,
            );
          },
        });
        scope.setNotFoundHandler((request, reply) => {
          if (
            (request.method === "GET" || request.method === "HEAD") &&
            !looksLikeFile(request.url)
          ) {
            return sendIndex(reply);
          }
          return sendSafeError(request, reply, 404, NOT_FOUND_MESSAGE);
        });
      },
      { prefix: `/${name}` },
    );
  }
}
