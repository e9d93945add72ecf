/**
 * CSV as RFC 4180 says and Excel reads: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a quote, CR or LF (quotes doubled inside), and a UTF-8 byte-order mark first so Excel opens Chinese text as
 * UTF-8 instead of the system code page.
 *
 * Text that a spreadsheet would run as a formula (a customer's subject starting with "=", "+", "-", "@", a tab or a
 * CR: "CSV injection") gets a leading apostrophe, which Excel shows as text; numbers are written as they are.
 */
export const BOM = '\uFEFF';

export type Cell = string | number | boolean | null;

export function csvField(v: Cell): string {
  // Numbers and booleans never need quoting (the export writes one field per cell, hundreds of thousands of them).
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = v === null ? '' : v;
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
