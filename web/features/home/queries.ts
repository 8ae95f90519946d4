// Query keys and hooks of 首页: every key starts with 'home'. The 待办 are refetched on every notification push too
// (notifications/queries.ts): a new notice usually means new work.
import { useQuery } from '@tanstack/react-query';
import type { Todo } from '../../../server/platform/todos.ts';
import { api } from '../../api/client.ts';

export const homeKeys = {
  all: ['home'] as const,
  todos: ['home', 'todos'] as const,
};

/** What waits for the signed-in user, counted, each with the page that handles it; once the session is known. */
export const useTodos = (enabled: boolean) =>
  useQuery({ queryKey: homeKeys.todos, queryFn: () => api.get<{ items: Todo[] }>('/api/todos'), enabled });
