export { apiConfigOf, type BuildServerOptions, buildServer, type ServerSettings } from "./app";
export { ConfigError, loadConfig, REPO_ROOT, type ServerConfig } from "./config";
export { embeddedDataDir, type OpenDatabase, openDatabase } from "./database";
export { type DevInbox, type InboxMessage, startDevInbox } from "./mail/dev-inbox";
export { INBOX_PATH } from "./mail/inbox-pages";
export { createMailTransport, type MailTransport } from "./mail/transport";
export { startWorker, type WorkerOptions } from "./worker/runner";
export { createSendMailTask, mailMessageId, SEND_MAIL_TASK } from "./worker/send-mail";
