// Types and labels of the village-history (村史) pages (the server's shapes, as the routes present them).
export interface Village {
  id: number;
  village: string;
  township: string;
  title: string;
  description: string;
  editors: string[];
  state: string;
  stateLabel: string;
  startedOn: string | null;
  publishedOn: string | null;
  articles: number;
  published: number;
  canEdit?: boolean;
}
export const VILLAGE_STATE_OPTIONS = [
  { value: 'planning', label: '筹备中' },
  { value: 'compiling', label: '编纂中' },
  { value: 'reviewing', label: '审稿中' },
  { value: 'published', label: '已出版' },
  { value: 'suspended', label: '暂停' },
];
export const villageKeys = {
  list: (f: object) => ['archive', 'villages', f] as const,
  one: (id: number) => ['archive', 'village', id] as const,
};
