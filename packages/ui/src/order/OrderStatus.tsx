import {
  formatJaDateTime,
  ORDER_STATUS_LABELS,
  type OrderStatus as OrderStatusCode,
  toInstant,
  trackingUrl,
} from "@sos/domain";
import { formatPhone } from "@sos/rules";
import { useId } from "react";
import { SummaryList } from "../data/SummaryList";
import { formatAddress } from "./format";
import { OrderLinesTable } from "./OrderLinesTable";
import { OrderStatusBadge } from "./OrderStatusBadge";
import type { OrderView } from "./types";
import "./order.css";

export interface OrderStatusProps {
  order: OrderView;
  /** The section's heading; 「ご注文の内容」 unless told. */
  title?: string;
  headingLevel?: 2 | 3;
}

const STEPS = ["ordered", "shipped", "delivered"] as const satisfies readonly OrderStatusCode[];

/** 注文済み → 出荷済み → 配達済み, with the reached steps ticked and the current one marked. */
function OrderSteps({ status }: { status: OrderStatusCode }) {
  const reached = STEPS.indexOf(status as (typeof STEPS)[number]);
  return (
    <ol className="sos-order-steps" aria-label="配送の状況">
      {STEPS.map((step, index) => {
        const state = index < reached ? "done" : index === reached ? "current" : "todo";
        return (
          <li
            key={step}
            className={`sos-order-steps__step sos-order-steps__step--${state}`}
            aria-current={state === "current" ? "step" : undefined}
          >
            <span className="sos-order-steps__mark" aria-hidden="true">
              {state === "todo" ? index + 1 : "✓"}
            </span>
            <span>{ORDER_STATUS_LABELS.ja[step]}</span>
            {state === "todo" && <span className="sos-visually-hidden">（未）</span>}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One order as its buyer and the vendor see it: the number to quote, the sets per
 * size, where it goes and how it is paid, and how far it has got (carrier and
 * tracking number once shipped).
 */
export function OrderStatus({ order, title = "ご注文の内容", headingLevel = 2 }: OrderStatusProps) {
  const headingId = useId();
  const linesId = useId();
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4";
  const shipment = order.shipment;
  return (
    <section className="sos-order" aria-labelledby={headingId}>
      <div className="sos-order__head">
        <Heading id={headingId} className="sos-order__title">
          {title}
        </Heading>
        <OrderStatusBadge status={order.status} />
      </div>

      <SummaryList
        items={[
          {
            term: "注文番号",
            detail: <strong className="sos-order__number">{order.orderNumber}</strong>,
          },
          { term: "注文日時", detail: formatJaDateTime(toInstant(order.orderedAt)) },
        ]}
      />

      {order.status === "cancelled" ? (
        <p className="sos-order__cancelled">
          この注文はキャンセルされました。詳しくは販売業者にお問い合わせください。
        </p>
      ) : (
        <OrderSteps status={order.status} />
      )}

      <div className="sos-order__block">
        <SubHeading id={linesId} className="sos-order__subtitle">
          サイズごとのセット数
        </SubHeading>
        <OrderLinesTable
          aria-labelledby={linesId}
          lines={order.lines}
          totalSets={order.totalSets}
          totalPieces={order.totalPieces}
        />
      </div>

      <div className="sos-order__block">
        <SubHeading className="sos-order__subtitle">お届け先とお支払い</SubHeading>
        <SummaryList
          items={[
            { term: "お届け先", detail: order.delivery.name },
            { term: "住所", detail: formatAddress(order.delivery) },
            { term: "電話番号", detail: formatPhone(order.delivery.phone) },
            { term: "お支払い方法", detail: order.paymentMethodLabel },
          ]}
        />
      </div>

      <div className="sos-order__block">
        <SubHeading className="sos-order__subtitle">配送情報</SubHeading>
        {shipment === null ? (
          <p className="sos-order__pending">
            {order.status === "cancelled"
              ? "出荷はありません。"
              : "出荷の準備中です。出荷しましたら、配送業者とお問い合わせ伝票番号をメールでお知らせします。"}
          </p>
        ) : (
          <SummaryList
            items={[
              { term: "配送業者", detail: shipment.carrier },
              {
                term: "お問い合わせ伝票番号",
                detail: (
                  <TrackingNumber
                    carrier={shipment.carrier}
                    trackingNumber={shipment.trackingNumber}
                  />
                ),
              },
              { term: "出荷日時", detail: formatJaDateTime(toInstant(shipment.shippedAt)) },
              {
                term: "配達日時",
                detail:
                  shipment.deliveredAt === null
                    ? "配達待ち"
                    : formatJaDateTime(toInstant(shipment.deliveredAt)),
              },
            ]}
          />
        )}
      </div>
    </section>
  );
}

/**
 * The tracking number as a link to the carrier's own tracking page (a new tab: the
 * order stays open); a carrier not on the list (written before it existed) as text.
 */
export function TrackingNumber({
  carrier,
  trackingNumber,
}: {
  carrier: string;
  trackingNumber: string;
}) {
  const href = trackingUrl(carrier, trackingNumber);
  if (href === null) return <span className="sos-order__tracking">{trackingNumber}</span>;
  return (
    <a className="sos-order__tracking" href={href} target="_blank" rel="noopener noreferrer">
      {trackingNumber}
      <span className="sos-visually-hidden">（{carrier}の配送状況を新しいタブで開く）</span>
    </a>
  );
}
