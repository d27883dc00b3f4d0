import {
  Alert,
  formatJaDateTime,
  formatSets,
  Notice,
  OrderStatus,
  PageHeader,
  SummaryList,
} from "@sos/ui";
import { domainErrorCode, errorMessageJa, LoadFailed, Loading, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import type { PurchaseFormPage, PurchasePageData } from "../api-types";
import { useFocusHeadingOn } from "../common/focus-heading";
import { purchaseFieldErrors } from "./purchase-errors";
import { type PurchaseFieldErrors, PurchaseForm } from "./purchase-form";
import type { PurchaseValues } from "./purchase-schema";
import { StorefrontTitle } from "./storefront-title";

/**
 * ⑥ the page of an emailed purchase link (public; the token is the key). It shows
 * the one purchase the link allows, or, once bought, that order for good — never a
 * second form.
 */
export function PurchasePage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const page = useQuery(trpc.storefront.purchasePage.queryOptions({ token }));
  const [justOrdered, setJustOrdered] = useState(false);
  useFocusHeadingOn(justOrdered);

  if (page.isPending) {
    return (
      <div className="sos-stack vendor-storefront">
        <StorefrontTitle>ご購入手続き</StorefrontTitle>
        <Loading>購入ページを読み込んでいます…</Loading>
      </div>
    );
  }
  if (page.isError) {
    const code = domainErrorCode(page.error);
    if (code === "PURCHASE_LINK_ADDRESS_CHANGED") {
      return <AddressChangedLink message={errorMessageJa(page.error)} />;
    }
    return code === "PURCHASE_LINK_INVALID" ? (
      <InvalidLink message={errorMessageJa(page.error)} />
    ) : (
      <div className="sos-stack vendor-storefront">
        <StorefrontTitle>ご購入手続き</StorefrontTitle>
        <PageHeader title="ご購入手続き" />
        <LoadFailed
          title="購入ページを表示できませんでした"
          error={page.error}
          onRetry={() => void page.refetch()}
        />
      </div>
    );
  }
  return page.data.kind === "ordered" ? (
    <Ordered page={page.data} justOrdered={justOrdered} />
  ) : (
    <Purchase token={token} page={page.data} onOrdered={() => setJustOrdered(true)} />
  );
}

function InvalidLink({ message }: { message: string }) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>購入リンクが無効です</StorefrontTitle>
      <PageHeader title="購入リンクが無効です" />
      <Alert tone="error" title="このリンクではご購入いただけません">
        <p>{message}</p>
      </Alert>
      <p>
        購入用URLはメールでお送りしています。URLが途中で改行されている場合は、1行につなげてブラウザに貼り付けてください。
      </p>
    </div>
  );
}

/** Revoked because the registry's e-mail address changed: what happened and where the new link goes. */
function AddressChangedLink({ message }: { message: string }) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>購入リンクは無効になりました</StorefrontTitle>
      <PageHeader title="購入リンクは無効になりました" />
      <Alert tone="error" title="メールアドレスの変更により、このリンクではご購入いただけません">
        <p>{message}</p>
      </Alert>
      <p>変更に心当たりがない場合は、至急、所在地の都道府県の担当窓口にご連絡ください。</p>
    </div>
  );
}

function Ordered({
  page,
  justOrdered,
}: {
  page: Extract<PurchasePageData, { kind: "ordered" }>;
  justOrdered: boolean;
}) {
  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>ご注文の内容</StorefrontTitle>
      <PageHeader
        title={justOrdered ? "ご注文を承りました" : "ご注文の内容"}
        description={`${page.institution.name}（医療機関コード ${page.institution.institutionCode}）`}
      />
      {justOrdered ? (
        <Alert tone="success" title={`注文番号は ${page.order.orderNumber} です`}>
          <p>
            ご注文の確認メールをお送りしました。お問い合わせの際は注文番号をお伝えください。配送状況はこのページでいつでも確認できます。
          </p>
        </Alert>
      ) : (
        <Notice title="この購入リンクでのご購入は完了しています">
          <p>
            購入手続きは1回限りのため、追加のご注文はできません。ご注文の内容と配送状況を表示しています。
          </p>
        </Notice>
      )}
      <OrderStatus order={page.order} title="ご注文の詳細と配送状況" />
    </div>
  );
}

function Purchase({
  token,
  page,
  onOrdered,
}: {
  token: string;
  page: PurchaseFormPage;
  onOrdered: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const purchase = useMutation(trpc.storefront.purchase.mutationOptions());
  const [fieldErrors, setFieldErrors] = useState<PurchaseFieldErrors | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const pageKey = trpc.storefront.purchasePage.queryKey({ token });

  const submit = async (values: PurchaseValues) => {
    setFieldErrors(null);
    setServerError(null);
    try {
      const placed = await purchase.mutateAsync({ token, ...values });
      const ordered: PurchasePageData = {
        kind: "ordered",
        institution: page.institution,
        order: placed.order,
      };
      queryClient.setQueryData(pageKey, ordered);
      onOrdered();
    } catch (error) {
      const code = domainErrorCode(error);
      // The page's state moved on (bought in another tab, link replaced, stock gone):
      // read it again, so what is shown is what now holds.
      if (
        code === "ALREADY_PURCHASED" ||
        code === "PURCHASE_LINK_INVALID" ||
        code === "PURCHASE_LINK_ADDRESS_CHANGED" ||
        code === "OUT_OF_STOCK"
      ) {
        void queryClient.invalidateQueries({ queryKey: pageKey });
      }
      setFieldErrors(purchaseFieldErrors(error, values));
      setServerError(errorMessageJa(error));
      throw error;
    }
  };

  return (
    <div className="sos-stack vendor-storefront">
      <StorefrontTitle>ご購入手続き</StorefrontTitle>
      <PageHeader
        title="ご購入手続き"
        description="サイズごとのセット数とお届け先を選び、内容を確認してから注文を確定してください。"
      />
      <SummaryList
        aria-label="ご購入いただける内容"
        items={[
          {
            term: "医療機関",
            detail: `${page.institution.name}（医療機関コード ${page.institution.institutionCode}）`,
          },
          { term: "購入上限数", detail: <strong>{formatSets(page.limitSets)}まで</strong> },
          {
            term: "購入リンクの有効期限",
            detail: `${formatJaDateTime(new Date(page.expiresAt))}まで`,
          },
        ]}
      />
      {page.product === null || page.product.sizes.length === 0 ? (
        <Alert tone="warning" title="現在ご購入いただける商品がありません">
          <p>
            商品の準備が整いしだい、このページからご購入いただけます。時間をおいて再度アクセスするか、販売業者にお問い合わせください。
          </p>
        </Alert>
      ) : (
        <PurchaseForm
          limitSets={page.limitSets}
          piecesPerSet={page.piecesPerSet}
          productName={page.product.name}
          sizes={page.product.sizes}
          delivery={page.delivery}
          paymentMethods={page.paymentMethods}
          defaultPaymentMethod={page.defaultPaymentMethod}
          onSubmit={submit}
          fieldErrors={fieldErrors}
          serverError={serverError}
        />
      )}
    </div>
  );
}
