// 网络议政 pages: the list (staff open discussions and set the word filter), a discussion (vote, write, comments, map),
// moderation and the summary for staff; the public page of an invitation link.
import { MessageOutlined } from '@ant-design/icons';
import { lazyPages } from '../../../app/lazyPage.tsx';
import { type FeatureRoute, menu, route } from '../../types.ts';

const page = lazyPages(import.meta.glob('./pages/*.tsx'));

export const discussionRoutes: FeatureRoute[] = [
  route(
    'consultations/discussions',
    page('DiscussionListPage'),
    ['discussion.participate'],
    menu('网络议政', MessageOutlined, '协商议政', 510),
  ),
  route('consultations/discussions/:id', page('DiscussionPage'), ['discussion.participate']),
  route('consultations/discussions/:id/moderate', page('ModerationPage'), ['discussion.manage']),
  route('consultations/discussions/:id/summary', page('SummaryPage'), ['discussion.manage']),
];
