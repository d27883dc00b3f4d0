import { toHalfWidth } from "./normalize";
import { err, ok, type Result } from "./result";

/**
 * Email addresses as typed into the facility and contact forms.
 *
 * Normalisation: full-width to half-width (an IME in full-width mode gives
 * "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"), trimmed, and the domain lower-cased. The
 * local part keeps its case: it is case-sensitive by the standard and the
 * vendor matches registrations on the address as given.
 *
 * The check is deliberately simple (one "@", no spaces, a dotted ASCII domain).
 * Dots in the local part are not policed: Japanese mobile carriers issued
 * addresses such as "taro..yamada.@docomo.ne.jp" that strict RFC checks
 * refuse, and those addresses still receive mail.
 */

export type EmailError = "required" | "invalid";

const MAX_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^[a-z]{2,63}$|^xn--[a-z0-9-]{1,59}$/;

export function normalizeEmail(s: string): Result<string, EmailError> {
  const trimmed = toHalfWidth(s);
  if (trimmed === "") return err("required");
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return err("invalid");
  const local = trimmed.slice(0, at);
  const domain = trimmed.slice(at + 1).toLowerCase();
  const email = `${local}@${domain}`;
  if (email.length > MAX_LENGTH || local.length > MAX_LOCAL_LENGTH) return err("invalid");
  if (!LOCAL.test(local)) return err("invalid");
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return err("invalid");
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? "")) return err("invalid");
  return ok(email);
}
