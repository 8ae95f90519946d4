// Query keys of 协商议事室, 委员工作室, 微建议, 今日值班 and 12345热线: every key starts with 'grassroots', so an action
// refreshes all of it (grassrootsKeys.all) and a list its own prefix (grassrootsKeys.rooms, .studios, .hotline…).
// The public pages' keys too (grassrootsKeys.public), though nothing signed in shares their cache.
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';

export const grassrootsKeys = {
  all: ['grassroots'] as const,
  rooms: ['grassroots', 'rooms'] as const,
  roomList: (params: object) => ['grassroots', 'rooms', params] as const,
  /** The rooms offered when taking up a hotline matter: those of the matter's area first. */
  roomPick: (area: string | undefined) => ['grassroots', 'rooms', 'pick', area] as const,
  room: (id: number) => ['grassroots', 'room', id] as const,
  topics: (roomId: number) => ['grassroots', 'topics', roomId] as const,
  sessions: (roomId: number) => ['grassroots', 'sessions', roomId] as const,
  session: (id: number) => ['grassroots', 'session', id] as const,
  items: (state: string) => ['grassroots', 'items', state] as const,
  studios: ['grassroots', 'studios'] as const,
  studioList: (params: object) => ['grassroots', 'studios', params] as const,
  studio: (id: number) => ['grassroots', 'studio', id] as const,
  rota: (studioId: number) => ['grassroots', 'rota', studioId] as const,
  rotaFrom: (studioId: number, from: string) => ['grassroots', 'rota', studioId, from] as const,
  studioQuestions: (studioId: number) => ['grassroots', 'studio-questions', studioId] as const,
  suggestions: (studioId: number | undefined) => ['grassroots', 'suggestions', studioId ?? 0] as const,
  reception: ['grassroots', 'reception'] as const,
  myReception: ['grassroots', 'reception', 'mine'] as const,
  hotline: ['grassroots', 'hotline'] as const,
  hotlineLatest: ['grassroots', 'hotline', 'latest'] as const,
  hotlineMatters: (month: string) => ['grassroots', 'hotline', 'matters', month] as const,
  hotlineCases: (month: string, params: object) => ['grassroots', 'hotline', 'cases', month, params] as const,
  topicCases: (topicId: number | null | undefined) => ['grassroots', 'hotline', 'topic-cases', topicId] as const,
  /** A public page reached from a QR code or a resident's topic link (no account). */
  public: (kind: 'room' | 'studio' | 'topic', token: string) => ['grassroots', 'public', kind, token] as const,
};

/**
 * A public page's data (no account), by the QR or link token in its URL (:token): GET /api/public/{kind}s/{token}.
 * `const { token, query } = usePublicPage<PublicRoom>('room')`; query.error carries the server's message.
 */
export function usePublicPage<T>(kind: 'room' | 'studio' | 'topic') {
  const token = useParams().token ?? '';
  const query = useQuery({
    queryKey: grassrootsKeys.public(kind, token),
    queryFn: () => api.get<T>(`/api/public/${kind}s/${token}`),
  });
  return { token, query };
}
