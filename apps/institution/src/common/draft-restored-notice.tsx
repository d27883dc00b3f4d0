import { Alert, Button } from "@sos/ui";
import { useEffect, useRef } from "react";
import type { FormDraft } from "./form-draft";

/**
 * Says that the form shows a draft kept in this browser rather than what was saved,
 * and offers to discard it; after 破棄, says the form is back at the saved values.
 */
export function DraftRestoredNotice({ draft }: { draft: FormDraft }) {
  const { discarded } = draft;
  const doneRef = useRef<HTMLDivElement>(null);
  // The discard button is gone: focus the message that replaced it, not the page's top.
  useEffect(() => {
    if (discarded) doneRef.current?.focus();
  }, [discarded]);
  if (discarded) {
    return (
      <Alert tone="info" ref={doneRef} tabIndex={-1}>
        復元した入力内容を破棄しました。保存済みの内容を表示しています。
      </Alert>
    );
  }
  if (!draft.restored) return null;
  return (
    <Alert tone="info" title="保存されていない入力内容を復元しました" className="inst-draft-notice">
      <p>
        前回「保存」する前にログインの有効期限が切れたか、ページを離れたため、この端末に残っていた入力内容を表示しています。内容を確認して「保存」してください。
      </p>
      <Button variant="secondary" onClick={draft.discard}>
        復元した入力を破棄
      </Button>
    </Alert>
  );
}
