// What a signed-in guest does in a discussion: vote, write and comment, through the invitation's routes.
import { useQueryClient } from '@tanstack/react-query';
import { Tabs } from 'antd';
import type { DiscussionSource } from '../api.ts';
import { StatementList } from './StatementList.tsx';
import { VoteCard } from './VoteCard.tsx';
import { WriteCard } from './WriteCard.tsx';

/** The signed-in citizen's tabs, as on a member's page: vote and write, then all statements with their comments. */
export function Participate({ source, maxLength }: { source: DiscussionSource; maxLength: number }) {
  const qc = useQueryClient();
  // A vote or a new statement changes the counts in the list.
  const changed = () => qc.invalidateQueries({ queryKey: [...source.key, 'statements'] });
  const { base, takePart } = source;
  return (
    <Tabs
      items={[
        {
          key: 'vote',
          label: '表态',
          children: (
            <>
              <VoteCard base={base} takePart={takePart} onChanged={changed} />
              <WriteCard base={base} takePart={takePart} maxLength={maxLength} onChanged={changed} />
            </>
          ),
        },
        { key: 'all', label: '全部观点', children: <StatementList source={source} /> },
      ]}
    />
  );
}
