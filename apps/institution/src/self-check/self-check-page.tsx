import { Notice, PageHeader } from "@sos/ui";
import { Loading, PageTitle, useOptionalSignedInUser, useTRPC } from "@sos/web";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { SurveyDetail } from "../api-types";
import { PATHS, surveyPath } from "../paths";
import { SelfCheckPanel } from "./self-check-panel";

/**
 * 自己チェックシート: judged live as the figures are typed. Anyone may use it; a
 * signed-in institution starts from this week's answers.
 */
export function SelfCheckPage() {
  const user = useOptionalSignedInUser();
  const trpc = useTRPC();
  const current = useQuery(trpc.survey.current.queryOptions(user === null ? skipToken : undefined));

  return (
    <div className="sos-stack">
      <PageTitle>自己チェック</PageTitle>
      <PageHeader
        title="自己チェック"
        description="緊急配布要請の対象に該当するかどうかと、購入上限数を確認できます。入力した数値はどこにも送信・保存されません。"
      />
      {user !== null && current.isPending ? (
        <Loading>今週の週次調査の回答を読み込んでいます…</Loading>
      ) : (
        <SelfCheckPanel
          title="自己チェックシート"
          initialValues={current.data ? figuresOf(current.data) : null}
          prefillNote={
            <PrefillNote signedIn={user !== null} survey={current.data} failed={current.isError} />
          }
        />
      )}
      <Notice title="自己チェックの結果は配布の決定ではありません" headingLevel={2}>
        <p>
          緊急配布要請は、週次調査に回答したうえで行います。要請の内容は都道府県と国が確認し、数量を調整することがあります。
        </p>
        {user !== null && (
          <p>
            <Link to={PATHS.requests}>緊急配布要請へ</Link>
          </p>
        )}
      </Notice>
    </div>
  );
}

function figuresOf(survey: SurveyDetail) {
  return survey.status === "answered"
    ? { stock: survey.stock, consumption: survey.consumption, purchases: survey.purchases }
    : null;
}

function PrefillNote({
  signedIn,
  survey,
  failed,
}: {
  signedIn: boolean;
  survey: SurveyDetail | undefined;
  failed: boolean;
}) {
  if (!signedIn) {
    return <p>ログインすると、今週の週次調査の回答が入力された状態で確認できます。</p>;
  }
  if (failed || survey === undefined) {
    return <p>今週の週次調査の回答を読み込めなかったため、数値を入力してください。</p>;
  }
  if (survey.status === "unanswered") {
    return (
      <p>
        今週の週次調査（{survey.title}）はまだ回答していません。{" "}
        <Link to={surveyPath(survey.id)}>週次調査に回答する</Link>
      </p>
    );
  }
  return (
    <p>
      今週の週次調査（{survey.title}
      ）の回答を表示しています。ここで数値を変えても、週次調査の回答は変わりません。{" "}
      <Link to={surveyPath(survey.id)}>週次調査の回答を確認・編集する</Link>
    </p>
  );
}
