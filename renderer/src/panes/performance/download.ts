/**
 * Saves text as a file through a Blob and a download link: the same in Electron and in a browser. The CSV from
 * performance.export already starts with a UTF-8 BOM, so Excel opens the Chinese text correctly.
 */
export function saveText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
