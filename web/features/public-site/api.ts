// The public site's shapes as the server returns them (server/modules/public-site): the service functions' own return
// types (type-only imports, erased from the bundle), so the web has no copy to drift.
import type { publicHome } from '../../../server/modules/public-site/home.ts';
import type { listIdeas } from '../../../server/modules/public-site/ideas.ts';
import type { getNews, publishedNewsItem } from '../../../server/modules/public-site/news.ts';

/** A news item or notice as staff see it (draft or published). */
export type News = Awaited<ReturnType<typeof getNews>>;
/** A 提案线索 from the public, with the member it was handed to. */
export type Idea = Awaited<ReturnType<typeof listIdeas>>['items'][number];
/** The public home page of a committee (GET /api/public/c/:code). */
export type Home = Awaited<ReturnType<typeof publicHome>>;
/** A published item in the home page's list. */
export type NewsItem = Home['news']['items'][number];
/** One published item with its text (GET /api/public/c/:code/news/:id). */
export type PublishedNews = Awaited<ReturnType<typeof publishedNewsItem>>;
/** A public proposal with the units' replies. */
export type Proposal = Home['proposals']['items'][number];

/** A public consultation outcome (GET /api/public/consultation-outcomes): the fields the home page shows. */
export interface Outcome {
  id: number;
  title: string;
  summary: string;
  feedback: { unitName: string; measures: string }[];
}
