// One published news item or notice on the public site (/public/c/:code/news/:id, no sign-in).
import { Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import { SITE_FRAME } from '../components/siteFrame.ts';
import { usePublishedNews } from '../queries.ts';

export function PublicNewsPage() {
  const { code = '', id = '' } = useParams();
  const n = usePublishedNews(code, id);
  return (
    <PublicFrame {...SITE_FRAME} title={n.data?.title ?? '新闻公告'}>
      <ErrorAlert error={n.error} />
      {n.data && (
        <>
          <Typography.Text type="secondary">
            {n.data.kindLabel} · {formatDate(n.data.publishedAt)}
          </Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{n.data.body}</Typography.Paragraph>
        </>
      )}
      <Link to={`/public/c/${code}`}>返回首页</Link>
    </PublicFrame>
  );
}
