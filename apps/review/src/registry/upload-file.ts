/** The encodings the upload accepts (the server's `encoding` query). */
export const REGISTRY_ENCODINGS = [
  { value: "auto", label: "自動判定（UTF-8 または Shift_JIS）" },
  { value: "utf8", label: "UTF-8" },
  { value: "cp932", label: "Shift_JIS（Excel の CSV）" },
] as const;
export type RegistryEncoding = (typeof REGISTRY_ENCODINGS)[number]["value"];

export type UploadOutcome = { ok: true; id: string } | { ok: false; messageJa: string };

const FAILED = "ファイルを送信できませんでした。通信状態を確認して、もう一度お試しください。";

/**
 * Sends the registry file to apps/server's POST /api/registry-uploads (outside tRPC:
 * 20-30 MB is no JSON input), the file as the raw body, its name percent-encoded in
 * a header. Same origin, so the session cookie and the Origin header go with it.
 */
export async function uploadRegistryCsv(
  file: File,
  encoding: RegistryEncoding,
): Promise<UploadOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/registry-uploads?encoding=${encoding}`, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "content-type": "text/csv",
        accept: "application/json",
        "x-file-name": encodeURIComponent(file.name),
      },
      body: file,
    });
  } catch {
    return { ok: false, messageJa: FAILED };
  }
  const body = (await response.json().catch(() => null)) as {
    id?: string;
    error?: { message?: string };
  } | null;
  if (response.ok && typeof body?.id === "string") return { ok: true, id: body.id };
  return { ok: false, messageJa: body?.error?.message ?? FAILED };
}
