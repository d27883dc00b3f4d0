import { GLOVE_SIZE_LABELS, GLOVE_SIZES, type GloveSize } from "@sos/domain";
import {
  Alert,
  Button,
  Card,
  DataTable,
  formatNumber,
  formatSets,
  NumberField,
  PageHeader,
  parseSets,
  Select,
  TextField,
} from "@sos/ui";
import { errorMessageJa, fieldErrorsOf, LoadFailed, Loading, PageTitle, useTRPC } from "@sos/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Product, ProductSize } from "../api-types";
import { READ_ON_OPEN } from "../common/fresh";
import { StockRowForm } from "./stock-row-form";

/** The product on sale, its sizes and the stock of each (in sets of 1,000 pieces). */
export function ProductsPage() {
  const trpc = useTRPC();
  const products = useQuery({ ...trpc.vendorPortal.products.queryOptions(), ...READ_ON_OPEN });
  const [flash, setFlash] = useState<string | null>(null);
  return (
    <div className="sos-stack">
      <PageTitle>商品・在庫</PageTitle>
      <PageHeader
        title="商品・在庫"
        description="購入ページに表示する商品とサイズ、サイズごとの在庫数（セット単位）を管理します。在庫が0のサイズは購入ページで「在庫なし」と表示され、選べません。"
      />
      {flash && <Alert tone="success">{flash}</Alert>}
      {products.isPending ? (
        <Loading>商品を読み込んでいます…</Loading>
      ) : products.isError ? (
        <LoadFailed
          title="商品を表示できませんでした"
          error={products.error}
          onRetry={() => void products.refetch()}
        />
      ) : products.data.some((product) => product.active) ? (
        products.data
          .filter((product) => product.active)
          .map((product) => <ProductCard key={product.id} product={product} onSaved={setFlash} />)
      ) : (
        <CreateProduct onSaved={setFlash} />
      )}
    </div>
  );
}

function ProductCard({ product, onSaved }: { product: Product; onSaved: (text: string) => void }) {
  const total = product.sizes.reduce((sum, size) => sum + size.stockSets, 0);
  return (
    <Card title={`${product.name}（販売中）`}>
      <p>
        在庫の合計 {formatSets(total)}・1セット＝{formatNumber(product.piecesPerSet)}枚
      </p>
      <DataTable<ProductSize>
        caption="サイズごとの在庫"
        rows={product.sizes}
        rowKey={(size) => size.id}
        emptyMessage="サイズがまだありません。下の「サイズの追加」から登録してください。"
        columns={[
          { key: "size", header: "サイズ", rowHeader: true, cell: (size) => size.label },
          {
            key: "stock",
            header: "在庫",
            align: "end",
            cell: (size) => (size.stockSets === 0 ? "在庫なし" : formatSets(size.stockSets)),
          },
          {
            key: "unshipped",
            header: "注文済み・未出荷",
            align: "end",
            cell: (size) => `${formatNumber(size.unshippedSets)}セット`,
          },
          {
            key: "update",
            header: "在庫数の変更",
            cell: (size) => <StockRowForm key={size.id} size={size} onSaved={onSaved} />,
          },
        ]}
      />
      <AddSize product={product} onSaved={onSaved} />
    </Card>
  );
}

function AddSize({ product, onSaved }: { product: Product; onSaved: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.vendorPortal.addSize.mutationOptions());
  const free = GLOVE_SIZES.filter((size) => !product.sizes.some((s) => s.size === size));
  const [size, setSize] = useState<GloveSize | "">("");
  const [stock, setStock] = useState("0");
  const [errors, setErrors] = useState<{ size?: string; stock?: string; server?: string }>({});
  if (free.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSets(stock);
    const next = {
      ...(size === "" ? { size: "サイズを選択してください" } : {}),
      ...(parsed.ok ? {} : { stock: "在庫数はセット単位の整数で入力してください（例：120）" }),
    };
    setErrors(next);
    if (size === "" || !parsed.ok) return;
    try {
      await add.mutateAsync({ productId: product.id, size, stockSets: parsed.value });
      await queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.products.queryKey() });
      onSaved(`${GLOVE_SIZE_LABELS.ja[size]}を追加しました。`);
      setSize("");
      setStock("0");
    } catch (failure) {
      setErrors({ server: errorMessageJa(failure) });
    }
  };

  return (
    <form
      className="vendor-inline-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="サイズの追加"
    >
      <h3 className="vendor-subsection-title">サイズの追加</h3>
      {errors.server && <Alert tone="error">{errors.server}</Alert>}
      <div className="vendor-inline-form__fields">
        <Select
          label="サイズ"
          options={free.map((value) => ({ value, label: GLOVE_SIZE_LABELS.ja[value] }))}
          value={size}
          error={errors.size}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setSize(free.find((free) => free === value) ?? "");
          }}
        />
        <NumberField
          label="在庫数"
          unit="セット"
          value={stock}
          error={errors.stock}
          onChange={(event) => setStock(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary" loading={add.isPending} loadingLabel="追加中">
          追加
        </Button>
      </div>
    </form>
  );
}

function CreateProduct({ onSaved }: { onSaved: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.vendorPortal.createProduct.mutationOptions());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") {
      setError("商品名を入力してください");
      return;
    }
    setError(null);
    try {
      await create.mutateAsync({ name });
      await queryClient.invalidateQueries({ queryKey: trpc.vendorPortal.products.queryKey() });
      onSaved("商品を登録しました。続けてサイズと在庫数を追加してください。");
    } catch (failure) {
      setError(fieldErrorsOf(failure).name?.[0] ?? errorMessageJa(failure));
    }
  };

  return (
    <Card title="販売する商品の登録">
      <p>販売中の商品がありません。購入ページに表示する商品名を登録してください。</p>
      <form className="vendor-inline-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="vendor-inline-form__fields">
          <TextField
            label="商品名"
            required
            hint="例：ニトリル手袋（パウダーフリー）100枚入×10箱"
            value={name}
            error={error ?? undefined}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending} loadingLabel="登録中">
            登録する
          </Button>
        </div>
      </form>
    </Card>
  );
}
