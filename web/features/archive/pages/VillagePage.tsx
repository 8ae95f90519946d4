// One village-history project: who compiles it and how far it is, its chapters (archive articles filed under it, each
// on its editorial page), a button to contribute an account to it, and for editors the project's form.
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import {
  ErrorAlert,
  linkColumn,
  PageHeader,
  pagedProps,
  ResponsiveList,
  textColumns,
} from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Article } from '../api.ts';
import { VillageForm } from '../components/VillageForm.tsx';
import { useArticles, useVillage } from '../queries.ts';

export function VillagePage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const navigate = useNavigate();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data: v, error } = useVillage(id);
  const chapters = useArticles({ villageId: id, ...paging });
  if (!v) return <ErrorAlert error={error} />;
  return (
    <>
      <PageHeader
        title={v.title}
        back="/archive/villages"
        extra={
          can('archive.submit') && (
            <Button type="primary" size="large" onClick={() => navigate(`/archive/submit?villageId=${v.id}`)}>
              为本村史投稿
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="乡镇（街道）">{v.township}</Descriptions.Item>
          <Descriptions.Item label="村（社区）">{v.village}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={v.state === 'published' ? TAG.green : 'blue'}>{v.stateLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="编纂人员">{v.editors.length ? v.editors.join('、') : '—'}</Descriptions.Item>
          <Descriptions.Item label="启动日期">{v.startedOn ?? '—'}</Descriptions.Item>
          {v.publishedOn && <Descriptions.Item label="出版日期">{v.publishedOn}</Descriptions.Item>}
        </Descriptions>
        {v.description && <p style={{ whiteSpace: 'pre-wrap' }}>{v.description}</p>}
      </Card>
      <Card title={`篇目（${v.articles} 篇，已出版 ${v.published} 篇）`} style={{ marginBottom: 16 }}>
        <ErrorAlert error={chapters.error} />
        <ResponsiveList<Article>
          rowKey="id"
          {...pagedProps(chapters, paging, setPaging)}
          unit="篇"
          locale={{ emptyText: '还没有稿件归入本村史' }}
          columns={[
            linkColumn('标题', 'title', (a) => `/archive/articles/${a.id}`),
            ...textColumns({ authorName: '作者', accountKindLabel: '类别', stateLabel: '状态' }),
          ]}
        />
      </Card>
      {v.canEdit && (
        <Card title="修改项目信息">
          <VillageForm key={v.id} village={v} />
        </Card>
      )}
    </>
  );
}
