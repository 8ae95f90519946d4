// All public proposals with their replies on the public site (/public/c/:code/proposals, no sign-in), 20 at a time.
import { Button } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import { ProposalList } from '../components/ProposalList.tsx';
import { SITE_FRAME } from '../components/siteFrame.ts';
import { usePublicProposals } from '../queries.ts';

export function PublicProposalsPage() {
  const code = useParams().code ?? '';
  const [page, setPage] = useState(1);
  const list = usePublicProposals(code, page);
  return (
    <PublicFrame {...SITE_FRAME} title="公开的提案与答复">
      <ErrorAlert error={list.error} />
      <ProposalList items={list.data?.items ?? []} />
      {(list.data?.total ?? 0) > page * 20 && <Button onClick={() => setPage(page + 1)}>下一页</Button>}
      <div>
        <Link to={`/public/c/${code}`}>返回首页</Link>
      </div>
    </PublicFrame>
  );
}
