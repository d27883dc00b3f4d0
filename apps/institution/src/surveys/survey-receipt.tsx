import { formatJaDateTime } from "@sos/ui";

/** 受付番号 and the server's acceptance time of the latest saved answer. */
export function SurveyReceiptNote({
  receipt,
}: {
  receipt: { number: string; acceptedAt: string };
}) {
  return (
    <p className="inst-receipt">
      受付番号 <strong className="inst-receipt__number">{receipt.number}</strong>
      <span className="inst-muted">（{formatJaDateTime(new Date(receipt.acceptedAt))}受付）</span>
    </p>
  );
}
