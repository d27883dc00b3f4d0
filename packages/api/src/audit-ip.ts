import { isIP } from "node:net";

/** audit_log.ip is inet: anything that is not an address (a test's "unknown") is stored as null. */
export function auditIp(ip: string): string | null {
  return isIP(ip) === 0 ? null : ip;
}
