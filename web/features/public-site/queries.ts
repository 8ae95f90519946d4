// Query keys and hooks of the public site: every key starts with 'public-site', so staff saving, publishing or handing
// refresh every list at once (publicSiteKeys.all); the public pages' keys sit under 'public-site', 'public'.
import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { Home, Idea, News, Outcome, Proposal, PublishedNews } from './api.ts';

export const publicSiteKeys = {
  all: ['public-site'] as const,
  news: (params: object) => ['public-site', 'news', params] as const,
  ideas: (params: object) => ['public-site', 'ideas', params] as const,
  myIdeas: ['public-site', 'ideas', 'mine'] as const,
  home: (code: string) => ['public-site', 'public', 'home', code] as const,
  outcomes: (code: string) => ['public-site', 'public', 'outcomes', code] as const,
  publishedNews: (code: string, id: string) => ['public-site', 'public', 'news', code, id] as const,
  proposals: (code: string, page: number) => ['public-site', 'public', 'proposals', code, page] as const,
};

/** Staff's list of news and notices; empty filters are left out of the query. */
export const useNewsList = (p: { kind: string; state: string; q: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: publicSiteKeys.news(p),
    queryFn: () =>
      api.get<{ items: News[]; total: number }>(
        `/api/public-site/news${qs({ kind: p.kind || undefined, state: p.state || undefined, q: p.q || undefined, page: p.page, pageSize: p.pageSize })}`,
      ),
  });

/** Staff's list of the public's 提案线索, new ones first. */
export const useIdeas = (p: { state: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: publicSiteKeys.ideas(p),
    queryFn: () =>
      api.get<{ items: Idea[]; total: number }>(
        `/api/public-site/ideas${qs({ state: p.state || undefined, page: p.page, pageSize: p.pageSize })}`,
      ),
  });

/** The ideas handed to the signed-in member. */
export const useMyIdeas = () =>
  useQuery({
    queryKey: publicSiteKeys.myIdeas,
    queryFn: () => api.get<{ items: Idea[] }>('/api/public-site/ideas/mine'),
  });

/** A committee's public home page, by its six-digit code. */
export const usePublicHome = (code: string) =>
  useQuery({ queryKey: publicSiteKeys.home(code), queryFn: () => api.get<Home>(`/api/public/c/${code}`) });

/** The five newest public consultation outcomes of a committee. */
export const usePublicOutcomes = (code: string) =>
  useQuery({
    queryKey: publicSiteKeys.outcomes(code),
    queryFn: () => api.get<{ items: Outcome[] }>(`/api/public/consultation-outcomes?committee=${code}&pageSize=5`),
  });

/** One published news item or notice. */
export const usePublishedNews = (code: string, id: string) =>
  useQuery({
    queryKey: publicSiteKeys.publishedNews(code, id),
    queryFn: () => api.get<PublishedNews>(`/api/public/c/${code}/news/${id}`),
  });

/** The public proposals with replies, 20 a page. */
export const usePublicProposals = (code: string, page: number) =>
  useQuery({
    queryKey: publicSiteKeys.proposals(code, page),
    queryFn: () =>
      api.get<{ items: Proposal[]; total: number }>(`/api/public/c/${code}/proposals?page=${page}&pageSize=20`),
  });
