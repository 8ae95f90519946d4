// Query keys and hooks of 会议: every key starts with 'meetings', so an action on a meeting refreshes its page, the
// attendance sheet and the lists at once (meetingKeys.all).
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { Detail, SheetRow } from './api.ts';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (params: object) => ['meetings', 'list', params] as const,
  forSpeech: ['meetings', 'for-speech'] as const,
  speeches: ['speeches'] as const,
  speechList: (params: object) => ['speeches', params] as const,
  detail: (id: string | undefined) => ['meetings', 'detail', id] as const,
  sheet: (id: number, params: object) => ['meetings', 'sheet', id, params] as const,
};

export const useMeeting = (id: string | undefined) =>
  useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => api.get<Detail>(`/api/meetings/${id}`) });

export const useAttendanceSheet = (id: number, params: Record<string, string | number>) =>
  useQuery({
    queryKey: meetingKeys.sheet(id, params),
    queryFn: () =>
      api.get<{
        items: SheetRow[];
        total: number;
        summary: Record<string, number>;
        durationMinutes: number;
        minRatio: number;
      }>(`/api/meetings/${id}/attendance${qs(params)}`),
  });
