// Query keys and hooks of 履职活动: every key starts with 'activities', so an action on an activity refreshes its
// page, outputs, participants and the list at once (activityKeys.all).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { Detail, Item, Output, Participant } from './api.ts';

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: object) => ['activities', 'list', params] as const,
  detail: (id: string | undefined) => ['activities', 'detail', id] as const,
  outputs: (id: string | undefined) => ['activities', 'outputs', id] as const,
  participants: (id: number, params: object) => ['activities', 'participants', id, params] as const,
};

export const useActivities = (params: Record<string, string | number>) =>
  useQuery({
    queryKey: activityKeys.list(params),
    queryFn: () => api.get<{ items: Item[]; total: number }>(`/api/activities${qs(params)}`),
    placeholderData: keepPreviousData,
  });

export const useActivity = (id: string | undefined) =>
  useQuery({ queryKey: activityKeys.detail(id), queryFn: () => api.get<Detail>(`/api/activities/${id}`) });

export const useActivityOutputs = (id: string | undefined) =>
  useQuery({
    queryKey: activityKeys.outputs(id),
    queryFn: () =>
      api.get<{ items: Output[]; total: number }>(`/api/activities/outputs${qs({ activityId: id, pageSize: 100 })}`),
  });

export const useParticipants = (id: number, params: Record<string, string | number>) =>
  useQuery({
    queryKey: activityKeys.participants(id, params),
    queryFn: () => api.get<{ items: Participant[]; total: number }>(`/api/activities/${id}/participants${qs(params)}`),
  });
