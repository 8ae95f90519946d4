// Query keys and hooks of 网络议政: every key starts with 'discussions', so a discussion's page refreshes its statements,
// comments and map by its prefix (discussionKeys.one(id)); the invited citizen's page has keys of its own (public, guest).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../components/index.ts';
import type { Comment, Discussion, Statement } from './api.ts';

export const discussionKeys = {
  all: ['discussions'] as const,
  list: (page: number, pageSize: number) => ['discussions', 'list', page, pageSize] as const,
  settings: ['discussions', 'settings'] as const,
  one: (id: number) => ['discussions', id] as const,
  statements: (id: number) => ['discussions', id, 'statements'] as const,
  comments: (id: number) => ['discussions', id, 'comments'] as const,
  map: (id: number) => ['discussions', id, 'map'] as const,
  summary: (id: number) => ['discussions', id, 'summary'] as const,
  invitations: (id: number) => ['discussions', id, 'invitations'] as const,
  similar: (id: number, statementId: number) => ['discussions', id, 'similar', statementId] as const,
  /** The next statement to vote on, under a member's or a guest's base route. */
  next: (base: string) => ['discussions', 'next', base] as const,
  /** An invited citizen's view of the topic (signed in or not), and the lists of their DiscussionSource. */
  public: (token: string) => ['discussions', 'public', token] as const,
  guest: (token: string) => ['discussions', 'guest', token] as const,
};

export const useDiscussion = (id: number) =>
  useQuery({ queryKey: discussionKeys.one(id), queryFn: () => api.get<Discussion>(`/api/discussions/${id}`) });
/** A discussion's statements, all or of one moderation state ('' = what the viewer may see). */
export const useStatements = (id: number, state = '') =>
  useQuery({
    queryKey: [...discussionKeys.statements(id), state],
    queryFn: () =>
      api.get<{ items: Statement[] }>(`/api/discussions/${id}/statements${state ? `?state=${state}` : ''}`),
  });
export const useComments = (id: number) =>
  useQuery({
    queryKey: discussionKeys.comments(id),
    queryFn: () => api.get<{ items: Comment[] }>(`/api/discussions/${id}/comments`),
  });

/** New statements, counts and a recomputed map arrive over server-sent events: the page re-reads what it shows. */
export function useLiveDiscussion(id: number) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/discussions/${id}/stream`);
    source.addEventListener('changed', () => {
      qc.invalidateQueries({ queryKey: discussionKeys.statements(id) });
      qc.invalidateQueries({ queryKey: discussionKeys.comments(id) });
      qc.invalidateQueries({ queryKey: discussionKeys.map(id) });
    });
    return () => source.close();
  }, [id, qc]);
}

/** Staff moderate a statement or comment (approve, hide, merge into intoId…); the lists are read again, errors shown. */
export function useModerate(id: number, path: 'statements' | 'comments') {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ target, action, intoId }: { target: number; action: string; intoId?: number }) =>
      api.post(`/api/discussions/${id}/${path}/${target}/moderate`, { action, intoId }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: discussionKeys.statements(id) });
      qc.invalidateQueries({ queryKey: discussionKeys.comments(id) });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
}
