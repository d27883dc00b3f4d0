import { Alert, Button, formatJaDateTime, PasswordField, SummaryList, TextField } from "@sos/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useHref, useNavigate, useParams } from "react-router";
import { SignedOutPage } from "../components/signed-out-page";
import { errorMessageJa, fieldErrorsOf } from "../errors";
import { LoadFailed, Loading } from "../page/query-status";
import { replaceSession } from "../session/session-cache";
import { useTRPC } from "../trpc";

const TITLE = "アカウント登録（招待）";
const ROLE_JA = { institution: "医療機関", prefecture: "都道府県", vendor: "販売業者" } as const;

/**
 * The page behind a mailed invitation link, in every app (the link names the
 * invitee's app): who invites whom, the sign-in name the account gets, and a
 * name and password to set. Accepting signs in; an institution lands on this
 * week's survey.
 */
export function AcceptInvitationPage() {
  const trpc = useTRPC();
  const token = useParams().token ?? "";
  const view = useQuery(trpc.invitations.view.queryOptions({ token }, { retry: false }));
  const signInHref = useHref("/sign-in");
  if (view.isPending)
    return (
      <SignedOutPage title={TITLE}>
        <Loading>招待の内容を確認しています…</Loading>
      </SignedOutPage>
    );
  if (view.isError)
    return (
      <SignedOutPage title={TITLE}>
        <LoadFailed
          title="招待の内容を読み込めませんでした"
          error={view.error}
          onRetry={() => void view.refetch()}
        />
      </SignedOutPage>
    );
  const page = view.data;
  if (page.state !== "open") {
    return (
      <SignedOutPage title={TITLE}>
        <Alert tone="error" title="この招待リンクは使用できません">
          <p>{page.message}</p>
        </Alert>
        <a href={signInHref}>ログイン画面へ</a>
      </SignedOutPage>
    );
  }
  return (
    <SignedOutPage title={TITLE}>
      <SummaryList
        aria-label="招待の内容"
        items={[
          { term: "招待した人", detail: page.inviterName },
          ...(page.institution === null
            ? [
                {
                  term: "所属",
                  detail: `${ROLE_JA[page.role]}${page.prefectureName === null ? "" : `（${page.prefectureName}）`}`,
                },
              ]
            : [
                { term: "医療機関", detail: page.institution.name },
                { term: "医療機関コード", detail: page.institution.code },
              ]),
          { term: "メールアドレス", detail: page.email },
          { term: "有効期限", detail: `${formatJaDateTime(new Date(page.expiresAt))}（日本時間）` },
        ]}
      />
      <Alert tone="info" title="ログインID（ユーザー名）">
        <p>
          <strong className="sos-invitation__username" data-testid="invitation-username">
            {page.username}
          </strong>
        </p>
        <p>
          {page.role === "institution"
            ? "医療機関コードがそのままログインIDになります（2人目以降は末尾に番号が付きます）。"
            : "このログインIDでログインします。"}
          控えておいてください。
        </p>
      </Alert>
      <AcceptForm token={token} username={page.username} role={page.role} />
    </SignedOutPage>
  );
}

function AcceptForm({
  token,
  username,
  role,
}: {
  token: string;
  username: string;
  role: keyof typeof ROLE_JA;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation(trpc.invitations.accept.mutationOptions());
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const fieldErrors = failure === null ? {} : fieldErrorsOf(failure);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirmation) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      await accept.mutateAsync({ token, displayName, password });
      setFailure(null);
      const me = await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
      replaceSession(queryClient, trpc.auth.me.queryKey(), me);
      if (role === "institution") {
        const survey = await queryClient.fetchQuery(trpc.survey.current.queryOptions());
        await navigate(`/surveys/${survey.id}`, { replace: true });
      } else {
        await navigate("/", { replace: true });
      }
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="アカウント登録">
      {failure !== null && (
        <Alert tone="error" title="登録できませんでした">
          <p>{errorMessageJa(failure)}</p>
        </Alert>
      )}
      <TextField
        label="氏名"
        hint="例：山田　花子"
        required
        autoComplete="name"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={fieldErrors.displayName?.[0]}
      />
      <input type="hidden" name="username" autoComplete="username" value={username} readOnly />
      <PasswordField
        label="パスワード"
        hint="半角英大文字・半角英小文字・半角数字をそれぞれ1文字以上含む8文字以上"
        required
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password?.[0]}
      />
      <PasswordField
        label="パスワード（確認）"
        required
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={mismatch ? "パスワードが一致しません" : undefined}
      />
      <Button type="submit" loading={accept.isPending} fullWidth>
        登録してログイン
      </Button>
    </form>
  );
}
