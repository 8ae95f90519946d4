// Query keys and hooks of 数字文史: every key starts with 'archive', so an editorial action refreshes every list and
// page at once (archiveKeys.all); the topics refresh on their own when one is created.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { Article, Topic, Village, Volume } from './api.ts';

export const archiveKeys = {
  all: ['archive'] as const,
  articles: (filters: object) => ['archive', 'articles', filters] as const,
  article: (id: number) => ['archive', 'article', id] as const,
  volumes: ['archive', 'volumes'] as const,
  volume: (id: number) => ['archive', 'volume', id] as const,
  topics: ['archive', 'topics'] as const,
  villages: (f: object) => ['archive', 'villages', f] as const,
  village: (id: number) => ['archive', 'village', id] as const,
};

/** Articles matching the filters (text, period, place, theme, person, tag, state, village; page and page size). */
export const useArticles = (filters: Record<string, string | number>) =>
  useQuery({
    queryKey: archiveKeys.articles(filters),
    queryFn: () => api.get<{ items: Article[]; total: number }>(`/api/archive/articles${qs(filters)}`),
    placeholderData: keepPreviousData,
  });

export const useArticle = (id: number) =>
  useQuery({ queryKey: archiveKeys.article(id), queryFn: () => api.get<Article>(`/api/archive/articles/${id}`) });

/** The volumes; `enabled` false until they are needed (an article's 编入 asks for one). */
export const useVolumes = (enabled = true) =>
  useQuery({ queryKey: archiveKeys.volumes, queryFn: () => api.get<Volume[]>('/api/archive/volumes'), enabled });

export const useVolume = (id: number) =>
  useQuery({ queryKey: archiveKeys.volume(id), queryFn: () => api.get<Volume>(`/api/archive/volumes/${id}`) });

export const useTopics = () =>
  useQuery({ queryKey: archiveKeys.topics, queryFn: () => api.get<Topic[]>('/api/archive/topics') });

/** Every village history of the committee (tens, not thousands); `background` for a form's picker. */
export const useVillages = (background = false) =>
  useQuery({
    queryKey: archiveKeys.villages({}),
    queryFn: () => api.get<{ items: Village[]; total: number }>('/api/archive/villages'),
    meta: background ? { background: true } : undefined,
  });

export const useVillage = (id: number) =>
  useQuery({ queryKey: archiveKeys.village(id), queryFn: () => api.get<Village>(`/api/archive/villages/${id}`) });
