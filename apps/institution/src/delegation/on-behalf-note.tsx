import { formatJaDateTime } from "@sos/domain";
import type { OnBehalf } from "../api-types";
import "./delegation.css";

/** 代理入力: 「○○医師会 が ○○クリニック の代理で入力（12月3日 10:00）」, on both sides. */
export function OnBehalfNote({ onBehalf }: { onBehalf: OnBehalf | null | undefined }) {
  if (!onBehalf) return null;
  return (
    <p className="inst-on-behalf">
      {onBehalf.label}入力（{formatJaDateTime(new Date(onBehalf.at))}）
    </p>
  );
}
