// Query keys and hooks of the working-day calendar: every key starts with 'calendar', so a day marked working or off
// refreshes every year shown (calendarKeys.all).
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';

export interface CalendarDay {
  day: string;
  weekday: number;
  isWorkingDay: boolean;
  nationalWorkingDay: boolean;
  name: string;
  override: { isWorkingDay: boolean; note: string } | null;
}
export interface CalendarYear {
  year: number;
  packageCovers: boolean;
  packageYears: { first: number; last: number };
  items: CalendarDay[];
}

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', year] as const,
};

/** A year's days with the national holidays and 调休 and the committee's overrides. */
export const useWorkingCalendar = (year: number) =>
  useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarYear>(`/api/settings/working-calendar${qs({ year })}`),
  });
