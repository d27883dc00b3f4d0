import { Button, Select, TextField } from "@sos/ui";
import { useState } from "react";
import { PREFECTURE_OPTIONS } from "./prefecture-options";

/** Whose accounts the ministry looks at: officers and vendor users, one prefecture's, or one institution's staff. */
export type MinistryFilter =
  | { kind: "staff" }
  | { kind: "prefecture"; prefectureCode: number }
  | { kind: "institution"; institutionCode: string };

export function listInputOf(filter: MinistryFilter) {
  if (filter.kind === "prefecture") return { prefectureCode: filter.prefectureCode };
  if (filter.kind === "institution") return { institutionCode: filter.institutionCode };
  return undefined;
}

/**
 * The ministry's narrowing: a prefecture's officers, or (to disable an
 * institution's user) an institution's staff by its code, full-width digits
 * accepted (the server reads them).
 */
export function MinistryFilters({
  filter,
  onChange,
}: {
  filter: MinistryFilter;
  onChange: (filter: MinistryFilter) => void;
}) {
  const [code, setCode] = useState(filter.kind === "institution" ? filter.institutionCode : "");
  return (
    <div className="rev-readable sos-stack">
      <Select
        label="都道府県"
        placeholder="すべて（販売業者を含む）"
        options={PREFECTURE_OPTIONS}
        value={filter.kind === "prefecture" ? String(filter.prefectureCode) : ""}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setCode("");
          onChange(
            value === ""
              ? { kind: "staff" }
              : { kind: "prefecture", prefectureCode: Number(value) },
          );
        }}
      />
      <form
        aria-label="医療機関の職員を表示"
        onSubmit={(event) => {
          event.preventDefault();
          const trimmed = code.trim();
          onChange(
            trimmed === "" ? { kind: "staff" } : { kind: "institution", institutionCode: trimmed },
          );
        }}
      >
        <TextField
          label="医療機関コード"
          hint="医療機関の職員の利用を停止するときは、10桁の医療機関コードで表示します。"
          width="medium"
          inputMode="numeric"
          autoComplete="off"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary">
          職員を表示
        </Button>
      </form>
    </div>
  );
}
