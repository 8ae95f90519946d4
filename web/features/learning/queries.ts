// Query keys and hooks of 学习: every key starts with 'learning', so a publish, a review or a progress report refreshes
// every list and page at once (learningKeys.all).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client.ts';
import type { CompletionRow, Material, Paged, Plan, Reflection, StudyClass } from './api.ts';

export const learningKeys = {
  all: ['learning'] as const,
  materials: (f: object) => ['learning', 'materials', f] as const,
  material: (id: number) => ['learning', 'material', id] as const,
  reflections: (f: object) => ['learning', 'reflections', f] as const,
  reflection: (id: number) => ['learning', 'reflection', id] as const,
  plans: ['learning', 'plans'] as const,
  classes: ['learning', 'classes'] as const,
  completion: (year: number, by: string) => ['learning', 'completion', year, by] as const,
};

/** Materials matching the filters; staff's list (every state) is cached apart from the members' (published only). */
export const useMaterials = (filters: Record<string, string | number | undefined>, staff = false) =>
  useQuery({
    queryKey: learningKeys.materials(staff ? { ...filters, staff: true } : filters),
    queryFn: () => api.get<Paged<Material>>(`/api/learning/materials${qs(filters)}`),
    placeholderData: keepPreviousData,
  });

export const useMaterial = (id: number) =>
  useQuery({ queryKey: learningKeys.material(id), queryFn: () => api.get<Material>(`/api/learning/materials/${id}`) });

/** Reflections matching the filters (staff's review list). */
export const useReflections = (filters: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: learningKeys.reflections(filters),
    queryFn: () => api.get<Paged<Reflection>>(`/api/learning/reflections${qs(filters)}`),
    placeholderData: keepPreviousData,
  });

/** The signed-in member's own reflections (the latest 50). */
export const useMyReflections = () =>
  useQuery({
    queryKey: learningKeys.reflections({ mine: true }),
    queryFn: () => api.get<Paged<Reflection>>('/api/learning/reflections?mine=true&pageSize=50'),
  });

export const useReflection = (id: number) =>
  useQuery({
    queryKey: learningKeys.reflection(id),
    queryFn: () => api.get<Reflection>(`/api/learning/reflections/${id}`),
  });

export const usePlans = () =>
  useQuery({ queryKey: learningKeys.plans, queryFn: () => api.get<Plan[]>('/api/learning/plans') });

export const useClasses = () =>
  useQuery({ queryKey: learningKeys.classes, queryFn: () => api.get<StudyClass[]>('/api/learning/classes') });

/** The year's completion by member, sector or special committee. */
export const useCompletion = (year: number, by: string) =>
  useQuery({
    queryKey: learningKeys.completion(year, by),
    queryFn: () =>
      api.get<{ materials: number; items: CompletionRow[] }>(`/api/learning/completion${qs({ year, by })}`),
  });
