import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createInboxStore } from "./inbox-store";

export interface InboxMessage {
  id: string;
  receivedAt: Date;
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string | null;
}

export interface DevInboxOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Folder for .eml copies so mail survives a restart; null keeps mail in memory only. */
  storeDir: string | null;
  /** Oldest messages beyond this are dropped from memory. */
  limit?: number;
  log?: (line: string) => void;
  /** Each message once stored: the HTTP processes of a multi-process start show it too. */
  onMessage?: (message: InboxMessage) => void;
}

export interface DevInbox {
  readonly port: number;
  readonly smtpUrl: string;
  /** Newest first. */
  list(): InboxMessage[];
  get(id: string): InboxMessage | undefined;
  /** Resolves with the first message (already received or arriving later) that matches. */
  waitFor(match: (message: InboxMessage) => boolean, timeoutMs?: number): Promise<InboxMessage>;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (address === undefined) return "";
  return (Array.isArray(address) ? address : [address]).map((a) => a.text).join(", ");
}

async function parse(id: string, raw: Buffer, receivedAt: Date): Promise<InboxMessage> {
  const parsed = await simpleParser(raw);
  return {
    id,
    receivedAt,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    messageId: parsed.messageId ?? null,
  };
}

let lastIdMs = 0;

/** Ids sort by arrival (kept strictly increasing), so the .eml files reload in order. */
function newId(at: Date): string {
  lastIdMs = Math.max(at.getTime(), lastIdMs + 1);
  return `${lastIdMs.toString().padStart(15, "0")}-${randomBytes(4).toString("hex")}`;
}

const ID_PATTERN = /^[0-9]{15}-[0-9a-f]{8}$/;

async function loadStored(storeDir: string, limit: number): Promise<InboxMessage[]> {
  await mkdir(storeDir, { recursive: true });
  const files = (await readdir(storeDir))
    .filter((name) => name.endsWith(".eml") && ID_PATTERN.test(name.slice(0, -4)))
    .sort()
    .slice(-limit);
  const messages: InboxMessage[] = [];
  for (const file of files) {
    const id = file.slice(0, -4);
    const raw = await readFile(join(storeDir, file));
    messages.push(await parse(id, raw, new Date(Number(id.slice(0, 15)))));
  }
  return messages;
}

/**
 * A local mail catcher for newcomers and demos: an SMTP server that accepts any
 * mail without authentication and keeps it for the /inbox pages, so password
 * resets and purchase links work without a real mail account.
 */
export async function startDevInbox(options: DevInboxOptions): Promise<DevInbox> {
  const host = options.host ?? "127.0.0.1";
  const limit = options.limit ?? 500;
  const log = options.log ?? (() => {});
  const store = createInboxStore(
    options.storeDir === null ? [] : await loadStored(options.storeDir, limit),
    limit,
  );

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    banner: "SOS Supply dev inbox",
    logger: false,
    // A stuck client must not hold Ctrl-C for the default 30 s.
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const receivedAt = new Date();
        const id = newId(receivedAt);
        const save =
          options.storeDir === null
            ? Promise.resolve()
            : writeFile(join(options.storeDir, `${id}.eml`), raw);
        Promise.all([parse(id, raw, receivedAt), save])
          .then(([message]) => {
            store.add(message);
            options.onMessage?.(message);
            log(`[inbox] ${message.to}: ${message.subject}`);
            callback();
          })
          .catch((error: unknown) =>
            callback(error instanceof Error ? error : new Error(String(error))),
          );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log(`[inbox] SMTP error: ${error.message}`));
  const port = (server.server.address() as AddressInfo).port;

  return {
    port,
    smtpUrl: `smtp://${host}:${port}`,
    list: store.list,
    get: store.get,
    waitFor: store.waitFor,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
