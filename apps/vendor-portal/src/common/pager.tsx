import { Button, formatNumber } from "@sos/ui";

/** 「51〜100件目 / 全230件」 with the previous and next page. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (total <= pageSize) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="vendor-pager" aria-label={label}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        前のページ
      </Button>
      <p>
        {formatNumber(from)}〜{formatNumber(to)}件目 / 全{formatNumber(total)}件
      </p>
      <Button variant="secondary" disabled={page >= last} onClick={() => onPage(page + 1)}>
        次のページ
      </Button>
    </nav>
  );
}
