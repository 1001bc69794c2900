/**
 * A minimal PDF writer for a text table (no PDF library is installed): Helvetica, A4 portrait, as many pages as the
 * rows need, a title and the column headers on every page. Text is Latin-1 (WinAnsi); other characters become '?'.
 */
export interface PdfTable {
  title: string;
  /** Lines under the title (facility, period, totals). */
  subtitle: readonly string[];
  columns: ReadonlyArray<{ header: string; width: number; align?: 'left' | 'right' }>;
  rows: ReadonlyArray<readonly string[]>;
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 40;
const LINE = 14;
const SIZE = 9;

/** Escapes a PDF string literal, keeping WinAnsi characters. */
function pdfString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const b = c < 256 ? c : 63;
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (b < 32 || b > 126) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `(${out})`;
}

/** Helvetica's average width is about 0.5 em: enough to right-align digits. */
const textWidth = (s: string, size: number): number => s.length * size * 0.5;

export function pdfTable(t: PdfTable): Buffer {
  const headerLines = 2 + t.subtitle.length + 2;
  const perPage = Math.max(1, Math.floor((PAGE_H - 2 * MARGIN) / LINE) - headerLines);
  const pages: Array<ReadonlyArray<readonly string[]>> = [];
  for (let i = 0; i < Math.max(t.rows.length, 1); i += perPage) pages.push(t.rows.slice(i, i + perPage));

  const contents = pages.map((rows, p) => {
    const ops: string[] = [];
    let y = PAGE_H - MARGIN;
    const text = (x: number, s: string, size = SIZE, bold = false) =>
      ops.push(`BT /${bold ? 'F2' : 'F1'} ${size} Tf ${x.toFixed(1)} ${y.toFixed(1)} Td ${pdfString(s)} Tj ET`);
    text(MARGIN, t.title, 14, true);
    y -= LINE * 1.6;
    for (const s of t.subtitle) {
      text(MARGIN, s);
      y -= LINE;
    }
    text(PAGE_W - MARGIN - 60, `${p + 1} / ${pages.length}`);
    y -= LINE;
    const row = (cells: readonly string[], bold: boolean) => {
      let x = MARGIN;
      t.columns.forEach((c, i) => {
        const s = cells[i] ?? '';
        const at = c.align === 'right' ? x + c.width - textWidth(s, SIZE) - 4 : x;
        text(at, s, SIZE, bold);
        x += c.width;
      });
      y -= LINE;
    };
    row(
      t.columns.map((c) => c.header),
      true,
    );
    ops.push(`${MARGIN} ${(y + LINE - 3).toFixed(1)} m ${PAGE_W - MARGIN} ${(y + LINE - 3).toFixed(1)} l S`);
    for (const r of rows) row(r, false);
    return ops.join('\n');
  });

  // Objects: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, then per page: page, contents.
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${5 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  contents.forEach((c, i) => {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + i * 2} 0 R >>`,
    );
    const bytes = Buffer.from(c, 'latin1');
    objects.push(`<< /Length ${bytes.length} >>\nstream\n${c}\nendstream`);
  });

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const b = Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1');
    parts.push(b);
    offset += b.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
