/**
 * Saves text the API returned as a file, the way a download link would: the browser's
 * own save (or its downloads bar), with the server's file name.
 */
export function saveTextFile(text: string, filename: string, contentType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: contentType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Not at once: some browsers (Safari, older Firefox) read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
