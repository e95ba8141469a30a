/** The day the board shows, in the browser's time zone, from `?day=YYYY-MM-DD` (today without it). */
export interface BoardDay {
  /** `YYYY-MM-DD`, as in the URL. */
  key: string;
  /** Local midnight that starts the day, and the next one, in Unix seconds (the API's time). */
  from: number;
  to: number;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function boardDay(key: string | null): BoardDay {
  const match = key ? DAY_KEY.exec(key) : null;
  const start = match
    ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : startOfToday();
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { key: dayKey(start), from: start.getTime() / 1000, to: end.getTime() / 1000 };
}

/** The day `days` after (or before) `day`. */
export function shiftDay(day: BoardDay, days: number): BoardDay {
  const start = new Date(day.from * 1000);
  return boardDay(dayKey(new Date(start.getFullYear(), start.getMonth(), start.getDate() + days)));
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function dayKey(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
