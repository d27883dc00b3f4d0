import { PageHeader } from "@sos/ui";
import { errorMessageJa, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { REGISTRY_PAGE_SIZE, type RegistryItemKind, RegistryPreview } from "./registry-preview";
import { RegistryUploadForm } from "./registry-upload-form";
import "./registry.css";

const KINDS: readonly RegistryItemKind[] = ["error", "new", "changed", "gone"];

function Preview({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const upload = useQuery(trpc.registry.upload.queryOptions({ id }));
  const asked = KINDS.find((k) => k === params.get("kind"));
  // Errors first when there are any: they are what stands between the file and the registry.
  const kind =
    asked ?? (upload.data !== undefined && upload.data.errorCount === 0 ? "new" : "error");
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const items = useQuery(
    trpc.registry.items.queryOptions(
      { id, kind, page },
      { enabled: upload.data !== undefined, placeholderData: keepPreviousData },
    ),
  );
  const apply = useMutation(trpc.registry.applyUpload.mutationOptions());
  const [applyError, setApplyError] = useState<string | null>(null);

  if (upload.data === undefined) {
    return upload.isError ? (
      <LoadFailed
        title="読み込んだファイルを表示できませんでした"
        error={upload.error}
        onRetry={() => void upload.refetch()}
      />
    ) : (
      <Loading>読み込んだファイルを表示しています…</Loading>
    );
  }
  const navigate = (next: Record<string, string>) => setParams({ upload: id, ...next });
  return (
    <RegistryPreview
      upload={upload.data}
      kind={kind}
      page={page}
      items={items.data?.kind === kind ? items.data : undefined}
      onKindChange={(k) => navigate({ kind: k })}
      onPageChange={(p) => navigate({ kind, page: String(p) })}
      applyError={applyError}
      onApply={async () => {
        setApplyError(null);
        try {
          await apply.mutateAsync({ id, previewDigest: upload.data.previewDigest });
        } catch (error) {
          setApplyError(errorMessageJa(error));
          throw error;
        } finally {
          await queryClient.invalidateQueries(trpc.registry.pathFilter());
        }
      }}
      onChooseAnother={() => setParams({})}
    />
  );
}

/**
 * The ministry loads the register of medical institutions (約18万件): choose the
 * file, see what it would change, then 「反映する」. The address the registry holds
 * is the one the vendor's 照合 and the purchase link trust.
 */
export function RegistryImportPage() {
  const [params, setParams] = useSearchParams();
  const id = params.get("upload");
  const pageSize = REGISTRY_PAGE_SIZE;
  return (
    <div className="sos-stack">
      <PageTitle>医療機関名簿の取り込み</PageTitle>
      <PageHeader
        title="医療機関名簿の取り込み"
        description={`厚生労働省の医療機関名簿（CSV）を読み込み、現在の名簿との差分（新規・変更・名簿から消えたもの）と誤りのある行を確認してから反映します。一覧は${pageSize}件ずつ表示します。削除はせず、名簿から消えた医療機関は無効にします。`}
      />
      {id === null ? (
        <RegistryUploadForm onUploaded={(uploaded) => setParams({ upload: uploaded })} />
      ) : (
        <Preview id={id} />
      )}
    </div>
  );
}
