import { errorMessageJa, useTRPC } from "@sos/web";
import { useQuery } from "@tanstack/react-query";
import { targetListCsvHref } from "../paths";
import { CsvDownloadPanel } from "./csv-download-panel";

/**
 * A list's files, with the Shift_JIS check run first: what Shift_JIS would lose is
 * listed, and that file is offered only once the officer accepts the replacement.
 */
export function CsvPanel({
  batch,
  headingLevel,
}: {
  batch: { id: string; number: number; itemCount: number };
  headingLevel?: 2 | 3;
}) {
  const trpc = useTRPC();
  const check = useQuery(trpc.targetList.csvCheck.queryOptions({ batchId: batch.id }));
  return (
    <CsvDownloadPanel
      batch={batch}
      downloadHref={(encoding, { replace }) => targetListCsvHref(batch.id, encoding, replace)}
      unrepresentable={check.data?.unrepresentable}
      checkError={
        check.isError
          ? `Shift_JISで出力できるか確認できませんでした。${errorMessageJa(check.error)}`
          : null
      }
      headingLevel={headingLevel}
    />
  );
}
