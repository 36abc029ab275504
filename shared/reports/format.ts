// Words and numbers as reports print them (the page, the CSV and the PDF use the same ones). Pure and
// locale-independent, so a test can compare the exact text.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-04-01" → "1 Apr 2026" */
export function dateLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2026-04" → "Apr 2026" */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** 77.777… → "77.8%"; null → "—" */
export function percentLabel(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

/** 20.8 → "20.8"; 10 → "10"; null → "—" */
export function daysLabel(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

/** 1234.5, "GBP" → "£1,234.50"; other currencies by their code ("CAD 25.00"). */
export function moneyLabel(amount: number, currency: string): string {
  const symbol: Record<string, string> = { GBP: '£', EUR: '€' };
  const fixed = (Math.round(amount * 100) / 100).toFixed(2);
  const [whole, pence] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return symbol[currency] ? `${symbol[currency]}${grouped}.${pence}` : `${currency} ${grouped}.${pence}`;
}
