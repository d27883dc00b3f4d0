import { hashToken, SESSION_COOKIE_NAME, SESSION_IDLE_TIMEOUT_MS } from "@sos/auth";
import { surveyWeekOf } from "@sos/rules";
import { initTRPC, TRPCError } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify from "fastify";
import pg from "pg";
import { z } from "zod";

/**
 * The bare floor for survey.answer: Fastify + tRPC + zod, and the whole answer —
 * session check, the survey's lock, the update, the audit row with the figures
 * before and after — in ONE prepared statement. What the product would cost if
 * it did nothing but that. Run by the bench as its own process (PORT,
 * DATABASE_URL), so its CPU is read from /proc like the product's.
 */

const ANSWER_SQL = `
with me as (
  select u.id, u.institution_id from sessions s join users u on u.id = s.user_id
  where s.id = $1 and s.expires_at > now() and s.last_seen_at > now() - $8::interval
    and u.disabled_at is null and u.role = 'institution'
), old as (
  select w.id, w.stock, w.consumption, w.purchases, w.answered_at
  from weekly_surveys w join me on w.institution_id = me.institution_id
  where w.id = $2 and w.week_start = $3::date
  for update of w
), saved as (
  update weekly_surveys w
  set stock = $4, consumption = $5, purchases = $6, answered_at = now(), answered_by = me.id,
      updated_at = now()
  from old, me where w.id = old.id
  returning w.id, w.week_start, w.stock, w.consumption, w.purchases, w.answered_at, me.id as user_id
), audit as (
  insert into audit_log (actor_user_id, actor_role, action, target_type, target_id, ip, details)
  select saved.user_id, 'institution',
    case when old.answered_at is null then 'survey.answer' else 'survey.edit' end,
    'weekly_survey', saved.id::text, $7::inet,
    jsonb_build_object('weekStart', saved.week_start,
      'before', case when old.stock is null then null else
        jsonb_build_object('stock', old.stock, 'consumption', old.consumption, 'purchases', old.purchases) end,
      'after', jsonb_build_object('stock', saved.stock, 'consumption', saved.consumption, 'purchases', saved.purchases))
  from saved join old on old.id = saved.id
)
select id, week_start::text, stock, consumption, purchases, answered_at from saved`;

const Pieces = z.number().int().min(0).max(10_000_000);
const AnswerInput = z.object({
  id: z.uuid(),
  stock: Pieces,
  consumption: Pieces,
  purchases: Pieces,
});

interface BareContext {
  token: string | null;
  ip: string;
}

const COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE_NAME}=([^;]+)`);

/** The week only changes on Wednesday 18:35: worked out once, not per request. */
let week = surveyWeekOf(new Date());
function currentWeekStart(): string {
  if (Date.now() >= week.closesAt.getTime()) week = surveyWeekOf(new Date());
  return week.weekStart;
}

async function main(): Promise<void> {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 10,
    application_name: "sos-bench-bare",
  });
  const t = initTRPC.context<BareContext>().create();
  const router = t.router({
    survey: t.router({
      answer: t.procedure.input(AnswerInput).mutation(async ({ ctx, input }) => {
        if (ctx.token === null) throw new TRPCError({ code: "UNAUTHORIZED" });
        const { rows } = await pool.query({
          name: "bare-answer",
          text: ANSWER_SQL,
          values: [
            hashToken(ctx.token),
            input.id,
            currentWeekStart(),
            input.stock,
            input.consumption,
            input.purchases,
            ctx.ip,
            `${SESSION_IDLE_TIMEOUT_MS} milliseconds`,
          ],
        });
        const row = rows[0];
        if (row === undefined) throw new TRPCError({ code: "NOT_FOUND" });
        return row as Record<string, unknown>;
      }),
    }),
  });
  const app = Fastify({ logger: false });
  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router,
      createContext: ({ req }: { req: { headers: Record<string, unknown>; ip: string } }) => {
        const cookie = typeof req.headers.cookie === "string" ? req.headers.cookie : "";
        const token = COOKIE.exec(cookie)?.[1];
        return { token: token ? decodeURIComponent(token) : null, ip: req.ip };
      },
    },
  });
  app.get("/readyz", async () => ({ status: "ok" }));
  await app.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
  const stop = async () => {
    await app.close();
    await pool.end();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error("bare server failed:", error);
  process.exit(1);
});
