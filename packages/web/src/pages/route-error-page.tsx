import { Alert, Button } from "@sos/ui";
import { PageTitle } from "../components/page-title";

const TITLE = "画面を表示できませんでした";

/**
 * A page's code could not be fetched (offline, or a new release replaced the files
 * since this tab opened) or the page failed to render: say so in Japanese and offer
 * a reload, which fetches the current release. Never the router's English default.
 */
export function RouteErrorPage() {
  return (
    <div className="sos-stack sos-web-status">
      <PageTitle>{TITLE}</PageTitle>
      <Alert tone="error" title={TITLE}>
        <p>通信状況を確認して、ページを再読み込みしてください。</p>
      </Alert>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        再読み込み
      </Button>
    </div>
  );
}
