// Query keys and hooks of 书香政协: every key starts with 'reading', so a save (group, list, session, note, handout)
// refreshes every list and page at once (readingKeys.all).
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { BookList, Group, GroupDetail, HandoutRecord, Note } from './api.ts';

export const readingKeys = {
  all: ['reading'] as const,
  groups: ['reading', 'groups'] as const,
  group: (id: number) => ['reading', 'group', id] as const,
  notes: (groupId: number) => ['reading', 'notes', groupId] as const,
  lists: (year: number) => ['reading', 'lists', year] as const,
  figures: (year: number) => ['reading', 'figures', year] as const,
  handouts: (year: number, page: number, pageSize: number) => ['reading', 'handouts', year, page, pageSize] as const,
};

const background = (on: boolean) => (on ? { background: true } : undefined);

/** The committee's reading groups; `inPicker` for a form's choices (loads quietly). */
export const useGroups = (inPicker = false) =>
  useQuery({
    queryKey: readingKeys.groups,
    queryFn: () => api.get<Group[]>('/api/reading/groups'),
    meta: background(inPicker),
  });

export const useGroup = (id: number) =>
  useQuery({ queryKey: readingKeys.group(id), queryFn: () => api.get<GroupDetail>(`/api/reading/groups/${id}`) });

/** The thread of notes of a group. */
export const useNotes = (groupId: number) =>
  useQuery({
    queryKey: readingKeys.notes(groupId),
    queryFn: () => api.get<Note[]>(`/api/reading/notes?groupId=${groupId}`),
  });

/** A year's book lists; `inPicker` for a form's choices (loads quietly). */
export const useBookLists = (year: number, inPicker = false) =>
  useQuery({
    queryKey: readingKeys.lists(year),
    queryFn: () => api.get<BookList[]>(`/api/reading/lists?year=${year}`),
    meta: background(inPicker),
  });

/** The year's figures as the sentence a report writes; only for those who may see them. */
export const useReadingFigures = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: readingKeys.figures(year),
    queryFn: () => api.get<{ sentence: string }>(`/api/reading/figures?year=${year}`),
    enabled,
  });

/** The year's handouts with their totals, a page at a time. */
export const useHandouts = (year: number, page: number, pageSize: number) =>
  useQuery({
    queryKey: readingKeys.handouts(year, page, pageSize),
    queryFn: () => api.get<HandoutRecord>(`/api/reading/handouts${qs({ year, page, pageSize })}`),
  });
