// Date/time formatting in the business time zone (Asia/Shanghai), whatever the browser's zone.
const dateTimeFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(d: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateTimeFmt.formatToParts(d)) out[p.type] = p.value;
  return out;
}

/** `2026-03-08 14:05` in Asia/Shanghai; '-' for empty or unparsable input. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `2026-03-08` in Asia/Shanghai (business dates already in that form pass through). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '-';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return formatDateTime(iso).slice(0, 10);
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD. */
export function todayInShanghai(): string {
  return formatDateTime(new Date().toISOString()).slice(0, 10);
}
