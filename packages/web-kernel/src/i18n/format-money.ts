/**
 * A decimal string as money in the user's language, with two decimals ("25 500,00" in French, "25,500.00" in
 * English), never through a float: the digits are grouped as text, the separators come from the language. Empty for
 * no amount; text that is no decimal number is shown as it is.
 */
export function formatMoney(v: string | null | undefined, lang: string): string {
  if (v === null || v === undefined || v === '') return '';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(v.trim());
  if (!m) return v;
  const group = new Intl.NumberFormat(lang).format(1000).replace(/\d/g, '');
  const mark = new Intl.NumberFormat(lang, { minimumFractionDigits: 1 }).format(1.5).charAt(1);
  const grouped = m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${m[1] ? '−' : ''}${grouped}${mark}${(m[3] ?? '').padEnd(2, '0').slice(0, 2)}`;
}
