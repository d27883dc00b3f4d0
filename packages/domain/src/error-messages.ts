import { MAX_CALLS_PER_REQUEST } from "./api-limits";

/**
 * The one Japanese wording of every error code the API reports on purpose
 * (packages/api maps each code to its tRPC code). The server sends it as the
 * error's message; a screen that needs the wording before any call (a story,
 * an alert it shows itself) reads it here, never writes its own.
 */
export const DOMAIN_ERROR_MESSAGES = {
  UNAUTHENTICATED:
    "ログインしていないか、ログインの有効期限が切れました。もう一度ログインしてください。",
  INVALID_CREDENTIALS: "ユーザー名またはパスワードが正しくありません。",
  SIGN_IN_THROTTLED: "ログイン試行が多すぎます。しばらく時間をおいてから再度お試しください。",
  FORBIDDEN: "この操作を行う権限がありません。",
  CROSS_ORIGIN:
    "別のサイトからの送信のため、処理を中止しました。このサービスの画面から操作してください。",
  NOT_FOUND: "対象のデータが見つかりません。削除されたか、閲覧する権限がありません。",
  CONFLICT: "他の操作と競合しました。画面を再読み込みしてから再度お試しください。",
  // One wording wherever a version check fails: the screens reload the latest themselves.
  STALE_VERSION: "他の担当者が先に更新しました。最新の内容を確認してください。",
  INVALID_INPUT: "入力内容に誤りがあります。各項目を確認してください。",
  BATCH_TOO_LARGE: `一度に送信できる操作は${MAX_CALLS_PER_REQUEST}件までです。画面を再読み込みしてから、もう一度お試しください。`,
  INVALID_STATE: "現在の状態ではこの操作を行えません。画面を再読み込みしてください。",
  DEADLINE_PASSED: "受付期限を過ぎているため、この操作は行えません。",
  RESET_TOKEN_INVALID:
    "パスワード再設定用のリンクが無効か、有効期限が切れています。もう一度パスワード再設定を申請してください。",
  PASSWORD_POLICY: "このパスワードは使用できません。別のパスワードを入力してください。",
  SHIFT_JIS_UNREPRESENTABLE:
    "Shift_JIS（CP932）で表せない文字が含まれています。該当箇所を確認し、置き換えを了承する場合は「〓」に置き換えて出力してください。UTF-8 形式なら置き換えずに出力できます。",
  NOTHING_TO_ISSUE: "販売業者にまだ引き渡していない受付完了の要請はありません。",
  RATE_LIMITED: "短時間に操作が集中しています。しばらく時間をおいてから再度お試しください。",
  REGISTRATION_DUPLICATE:
    "この医療機関コードは既に登録されています。登録内容の変更は販売業者にお問い合わせください。",
  PURCHASE_LINK_INVALID:
    "このリンクは無効です。有効期限が切れたか、新しいリンクの発行により無効になった可能性があります。最新のご案内メールに記載されたURLをお使いいただくか、販売業者にお問い合わせください。",
  // Revoked by a registry import that changed the institution's e-mail address.
  PURCHASE_LINK_ADDRESS_CHANGED:
    "この購入リンクは無効になりました。厚生労働省の医療機関名簿で貴施設のメールアドレスが変更されたため、変更前のアドレスにお送りした購入用URLは使えません。販売業者が変更後のメールアドレスに新しい購入用URLをお送りしますので、そちらのメールをご確認ください。届かない場合は販売業者にお問い合わせください。",
  ALREADY_PURCHASED:
    "この購入リンクでは既に購入手続きが完了しています（購入は1回限りです）。ご注文の内容はこのページで確認できます。",
  OUT_OF_STOCK: "在庫が不足しています。セット数を減らすか、別のサイズをお選びください。",
  READ_ONLY_MODE:
    "現在メンテナンスのため、閲覧のみ可能です。登録・変更・送信はできません。メンテナンスの終了後に、もう一度お試しください。",
  OVERLOADED: "混雑しています。しばらくしてから再度お試しください。",
  IDEMPOTENCY_KEY_REUSED:
    "この送信は、別の内容の送信として既に受け付けられています。画面を再読み込みして内容を確認してから、もう一度保存してください。",
  INVITATION_INVALID:
    "この招待リンクは使用できません。招待した方に、招待メールの再送を依頼してください。",
  CSV_UNREADABLE:
    "CSVファイルを読み取れませんでした。UTF-8 または Shift_JIS の CSV 形式で、1行目に見出しがあるか確認してください。",
  REGISTRY_CHANGED:
    "確認（プレビュー）の後に医療機関名簿が変わったため、反映しませんでした。もう一度ファイルを選び、最新の差分を確認してから反映してください。",
  REGISTRY_HAS_ERRORS:
    "誤りのある行があるため、反映できません。ファイルを直してから、もう一度取り込んでください。",
  // 代理入力: the institution has not granted the delegate's organisation, or has revoked it.
  DELEGATION_NOT_GRANTED:
    "この医療機関の代理入力は許可されていません。医療機関が許可を取り消した可能性があります。代理入力する医療機関を選び直してください。",
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_MESSAGES;
