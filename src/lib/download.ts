/** Saves a Blob as a file through an object URL on a temporary `<a download>` element. */
export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking right away can cancel the download in some browsers; a later tick is enough.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** Saves text as a UTF-8 file. */
export function downloadText(
  text: string,
  fileName: string,
  mimeType: string,
  doc: Document = document,
): void {
  downloadBlob(new Blob([text], { type: `${mimeType};charset=utf-8` }), fileName, doc);
}
