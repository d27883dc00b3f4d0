import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createSession } from "@sos/auth";
import iconv from "iconv-lite";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { type BenchContext, cookie } from "../context";
import { LoadClient } from "../load";
import { kib, medianRep, num, withSpread } from "../report";

/** The floor: PostgreSQL writes the CSV itself (UTF-8), iconv-lite turns it into Shift_JIS (CP932). */
async function copyToShiftJis(
  pool: pg.Pool,
  batchId: string,
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const client = await pool.connect();
  let bytes = 0;
  try {
    const copy = client.query(
      copyTo(`copy (
        select t.name as "医療機関名", t.institution_code as "医療機関コード", p.name as "都道府県",
          substr(t.postcode, 1, 3) || '-' || substr(t.postcode, 4) as "郵便番号", t.address as "住所",
          t.phone as "電話番号", t.contact_name as "担当者名", t.email as "メールアドレス",
          t.limit_sets as "購入上限数（セット）", t.limit_sets * 1000 as "購入上限数（枚）"
        from target_items t join prefectures p on p.code = t.prefecture_code
        where t.batch_id = ${pg.escapeLiteral(batchId)}
        order by t.prefecture_code, t.institution_code
      ) to stdout with (format csv, header)`),
    );
    await pipeline(
      copy,
      iconv.decodeStream("utf8"),
      iconv.encodeStream("cp932"),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          callback();
        },
      }),
    );
  } finally {
    client.release();
  }
  return { ms: performance.now() - started, bytes };
}

/** The target list's Shift_JIS CSV as the ministry downloads it, against COPY → iconv-lite. */
export async function targetListCsvPair(context: BenchContext): Promise<void> {
  const { options, report, world } = context;
  report.section(`target list CSV, Shift_JIS, ${num(world.targetItems)} rows`);
  const token = (await createSession(context.db, world.ministryUserId, { now: new Date() })).token;
  const client = new LoadClient(context.product.baseUrl, 1);
  const download = async () => {
    const started = performance.now();
    const answer = await client.download({
      method: "GET",
      path: `/api/target-lists/${world.batchId}.csv?encoding=sjis&replace=1`,
      headers: { cookie: cookie(token) },
    });
    if (answer.status !== 200) throw new Error(`the CSV download answered ${answer.status}`);
    return { ms: performance.now() - started, bytes: answer.bytes };
  };
  try {
    const product: number[] = [];
    const bare: number[] = [];
    let sizes = "";
    for (let rep = 1; rep <= options.reps; rep++) {
      const p = await download();
      const b = await copyToShiftJis(context.admin, world.batchId);
      product.push(p.ms);
      bare.push(b.ms);
      sizes = `product ${kib(p.bytes)}, COPY ${kib(b.bytes)}`;
      report.info(`rep ${rep}: product ${num(p.ms)} ms, COPY → iconv-lite ${num(b.ms)} ms`);
    }
    const ratios = product.map((p, i) => (bare[i] ?? Number.NaN) / p);
    report.info(`file sizes: ${sizes}; bare / product per repetition ${withSpread(ratios, 3)}`);
    report.ratio({
      path: `target list CSV, ${num(world.targetItems)} rows, Shift_JIS (bare time / product time)`,
      product: `${num((product[medianRep(ratios)] ?? Number.NaN) / 1000, 2)} s`,
      baseline: `COPY … TO STDOUT → iconv-lite ${num((bare[medianRep(ratios)] ?? Number.NaN) / 1000, 2)} s`,
      ratio: ratios[medianRep(ratios)] ?? null,
      goal: { op: ">=", value: 0.5 },
    });
  } finally {
    await client.close();
  }
}
