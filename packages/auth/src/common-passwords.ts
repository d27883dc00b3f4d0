import { dictionary } from "@zxcvbn-ts/language-common";

let common: ReadonlySet<string> | undefined;

/**
 * zxcvbn-ts's list of ~49,000 passwords seen most often in breaches (all lower-case).
 * Built on first use: the list is decompressed at import, the Set only when needed.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/** Case-insensitive, so "Password1" is as refused as "password1". */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}
