import { randomUUID } from "node:crypto";
import { createSession } from "@sos/auth";
import nodemailer from "nodemailer";
import { type BenchContext, mutation } from "../context";
import { LoadClient } from "../load";
import { medianRep, num, withSpread } from "../report";

/** A purchase-link mail's size and shape, for the baseline. */
function sampleMail(i: number): { subject: string; text: string } {
  const url = `http://127.0.0.1/vendor/purchase/${randomUUID().replaceAll("-", "")}`;
  return {
    subject: "【医療用手袋】購入用リンクのご案内",
    text: [
      `医療機関 ${i} 御中`,
      "",
      "医療用手袋の緊急配布について、購入用リンクをお送りします。",
      "下記のリンクから、購入上限数の範囲内でご購入ください。リンクは一度だけ使えます。",
      "",
      url,
      "",
      "購入上限数：2セット（2,000枚）",
      "有効期限：2026年12月21日 23:59",
      "",
      "このメールに心当たりのない場合は破棄してください。",
    ].join("\n"),
  };
}

/** nodemailer alone with a connection pool: the floor for handing N mails to the SMTP server. */
async function pooledNodemailer(context: BenchContext, count: number): Promise<number> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: context.sink.port,
    secure: false,
    pool: true,
    maxConnections: 5,
  });
  const before = context.sink.received();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({
        from: "shop@vendor.sos-supply.example",
        to: `bench-${i}@clinic.example.jp`,
        ...sampleMail(i),
      }),
    ),
  );
  await context.sink.waitFor(before + count, 30_000);
  const ms = performance.now() - started;
  transport.close();
  return (count * 1000) / ms;
}

/**
 * 「購入リンクを一括送信」 as the vendor's screen does it, timed from the request
 * to the last mail in the SMTP sink (the run records each item, the worker mails
 * them), against pooled nodemailer alone sending as many to the same sink.
 */
export async function purchaseLinksPair(context: BenchContext): Promise<void> {
  const { options, report, world } = context;
  const count = options.mails;
  report.section(`purchase-link mails: ${num(count)} per run, to an SMTP sink`);
  const token = (await createSession(context.db, world.vendorUserId, { now: new Date() })).token;
  const client = new LoadClient(context.product.baseUrl, 1);
  const items = [...world.mailItems];
  const productRun = async () => {
    const itemIds = items.splice(0, count);
    if (itemIds.length < count) throw new Error("the bench seeded too few registered items");
    const before = context.sink.received();
    const started = performance.now();
    const answer = await client.call(
      mutation(
        context.product.baseUrl,
        "vendorPortal.sendPurchaseLinks",
        {
          batchId: world.batchId,
          itemIds,
          runId: randomUUID(),
        },
        token,
      ),
    );
    const recordedMs = performance.now() - started;
    if (answer.status !== 200) {
      throw new Error(
        `vendorPortal.sendPurchaseLinks answered ${answer.status}: ${answer.body.slice(0, 300)}`,
      );
    }
    const sent = (JSON.parse(answer.body) as { result?: { data?: { sent?: number } } }).result?.data
      ?.sent;
    await context.sink.waitFor(before + count, 60_000);
    const ms = performance.now() - started;
    return { rate: (count * 1000) / ms, recordedMs, ms, sent };
  };
  try {
    const product: number[] = [];
    const bare: number[] = [];
    for (let rep = 1; rep <= options.reps; rep++) {
      const p = await productRun();
      const b = await pooledNodemailer(context, count);
      product.push(p.rate);
      bare.push(b);
      report.info(
        `rep ${rep}: product ${num(p.rate, 1)} mails/s (request answered after ${num(p.recordedMs)} ms with ${p.sent ?? "?"} sent, last mail in the sink after ${num(p.ms)} ms); pooled nodemailer ${num(b, 1)} mails/s`,
      );
    }
    const ratios = product.map((p, i) => p / (bare[i] ?? Number.NaN));
    report.info(`product / bare per repetition: ${withSpread(ratios, 3)}`);
    report.ratio({
      path: "purchase-link mails to an SMTP sink",
      product: `${num(product[medianRep(ratios)] ?? Number.NaN, 1)} mails/s`,
      baseline: `pooled nodemailer alone ${num(bare[medianRep(ratios)] ?? Number.NaN, 1)} mails/s`,
      ratio: ratios[medianRep(ratios)] ?? null,
      goal: { op: ">=", value: 0.8 },
    });
  } finally {
    await client.close();
  }
}
