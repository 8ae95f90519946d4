// 新闻公告 (staff): the committee's news and notices for the public site — filters and pages in the URL, a dialog to
// write or edit (draft kept locally while typing), publish and take back; the public site shows published ones only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  ConfirmButton,
  countActive,
  DataTable,
  ErrorAlert,
  FilterBar,
  PageHeader,
  ParamSearch,
  ParamSelect,
  pagedProps,
  useListParams,
} from '../../../components/index.ts';
import type { News } from '../api.ts';
import { KINDS, NewsEditor } from '../components/NewsEditor.tsx';
import { publicSiteKeys, useNewsList } from '../queries.ts';

export function NewsPage() {
  const [p, setP, reset] = useListParams({ kind: '', state: '', q: '' });
  const [editing, setEditing] = useState<News | 'new' | null>(null);
  const qc = useQueryClient();
  const list = useNewsList(p);
  const act = useMutation({
    mutationFn: ({ id, what }: { id: number; what: 'publish' | 'unpublish' }) =>
      api.post(`/api/public-site/news/${id}/${what}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: publicSiteKeys.all }),
  });
  return (
    <>
      <PageHeader
        title="新闻公告"
        description="在政协门户网站（公众无需登录即可查看）发布的新闻和通知公告。"
        extra={
          <Button type="primary" onClick={() => setEditing('new')}>
            新建
          </Button>
        }
      />
      <FilterBar
        active={countActive(p.kind, p.state)}
        search={<ParamSearch label="搜索标题或正文" name="q" params={p} setParams={setP} style={{ width: 240 }} />}
      >
        <ParamSelect label="类别" style={{ width: 140 }} name="kind" params={p} setParams={setP} labels={KINDS} />
        <ParamSelect
          label="状态"
          style={{ width: 140 }}
          name="state"
          params={p}
          setParams={setP}
          labels={{ draft: '草稿', published: '已发布' }}
        />
        <Button onClick={reset}>清除</Button>
      </FilterBar>
      <ErrorAlert error={list.error ?? act.error} />
      <DataTable<News>
        {...pagedProps(list, p, setP, { loading: 'first' })}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '类别', dataIndex: 'kindLabel' },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v, n) => <Tag color={n.state === 'published' ? 'green' : undefined}>{v}</Tag>,
          },
          { title: '发布时间', dataIndex: 'publishedAt', render: (v) => (v ? formatDateTime(v) : '—') },
          {
            title: '操作',
            key: 'actions',
            render: (_, n) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(n)}>
                  修改
                </Button>
                {n.state === 'draft' ? (
                  <Button
                    size="small"
                    type="primary"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ id: n.id, what: 'publish' })}
                  >
                    发布
                  </Button>
                ) : (
                  <ConfirmButton
                    size="small"
                    confirm="从门户网站撤回？"
                    onConfirm={() => act.mutateAsync({ id: n.id, what: 'unpublish' })}
                  >
                    撤回
                  </ConfirmButton>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewsEditor editing={editing} onClose={() => setEditing(null)} />
    </>
  );
}
