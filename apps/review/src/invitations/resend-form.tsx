import { Alert, Button, formatJaDateTime, TextField } from "@sos/ui";
import { errorMessageJa, fieldErrorsOf, useTRPC } from "@sos/web";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { InvitationResent } from "../api-types";

const CODE_REQUIRED = "医療機関コードを入力してください";

/**
 * 「招待の再送」 for one institution, by the code the caller gives on the phone
 * (full-width digits accepted; the server reads them): a new link to the
 * registry's current address, the old links void.
 */
export function ResendInvitationForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const resend = useMutation(trpc.invitations.resend.mutationOptions());
  const [code, setCode] = useState("");
  const [sent, setSent] = useState<InvitationResent | null>(null);
  const [failure, setFailure] = useState<{ message: string; field: string | null } | null>(null);

  const submit = async () => {
    setSent(null);
    setFailure(null);
    const trimmed = code.trim();
    if (trimmed === "") {
      setFailure({ message: CODE_REQUIRED, field: CODE_REQUIRED });
      return;
    }
    try {
      setSent(await resend.mutateAsync({ institutionCode: trimmed }));
      await queryClient.invalidateQueries(trpc.invitations.progress.pathFilter());
    } catch (error) {
      const field = fieldErrorsOf(error).institutionCode?.[0] ?? null;
      setFailure({ message: field ?? errorMessageJa(error), field });
    }
  };

  return (
    <section className="sos-invitations rev-readable" aria-labelledby="invitation-resend">
      <h2 id="invitation-resend">招待の再送</h2>
      <p>
        招待メールが届いていない、または有効期限が切れた医療機関に、登録簿の現在のメールアドレスあてに新しい招待を送ります。それまでの招待リンクは使えなくなります。
      </p>
      <form
        aria-label="招待の再送"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          label="医療機関コード"
          hint="10桁の医療機関コード（全角数字も入力できます）"
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          value={code}
          error={failure?.field ?? undefined}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary" loading={resend.isPending}>
          招待を再送する
        </Button>
      </form>
      {sent !== null && (
        <Alert tone="success" title="招待を再送しました">
          <p>
            {sent.institution.name}（医療機関コード {sent.institution.code}）の {sent.email}{" "}
            あてに送信しました。有効期限は{formatJaDateTime(new Date(sent.expiresAt))}
            です。それまでの招待リンクは使えなくなりました。
          </p>
        </Alert>
      )}
      {failure !== null && failure.field === null && (
        <Alert tone="error" title="再送できませんでした">
          <p>{failure.message}</p>
        </Alert>
      )}
    </section>
  );
}
