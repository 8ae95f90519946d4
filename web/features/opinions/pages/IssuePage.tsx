// The composer of one issue — reports in order with the edited text beside the original, accepted reports to add,
// the editor's note, Word export, 印发 and 报送.
import { ArrowDownOutlined, ArrowUpOutlined, FileWordOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Flex, Input, List, Modal, Skeleton, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ConfirmButton,
  ErrorAlert,
  ExportButton,
  errorMessage,
  PageHeader,
  useTextDraft,
} from '../../../components/index.ts';
import { type IssueDetail, type ListItem, useOpinionSettings } from '../api.ts';
import { Pill } from '../Pill.tsx';
import { opinionKeys } from '../queries.ts';

export function IssuePage() {
  const id = Number(useParams().id);
  const { can } = useSession();
  const editor = can('opinion.screen');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useOpinionSettings();
  const {
    data: issue,
    error,
    isLoading,
  } = useQuery({
    queryKey: opinionKeys.issue(id),
    queryFn: () => api.get<IssueDetail>(`/api/opinions/issues/${id}`),
  });
  const draft = issue?.state === 'draft';
  const candidates = useQuery({
    queryKey: opinionKeys.list({ state: 'accepted', pageSize: 100 }),
    queryFn: () => api.get<{ items: ListItem[]; total: number }>('/api/opinions?state=accepted&pageSize=100'),
    enabled: editor && draft,
  });
  const [picked, setPicked] = useState<number[]>([]);
  const [note, setNote] = useState<string>('');
  const [forwardOpen, setForwardOpen] = useState(false);
  const [targets, setTargets] = useState<string[]>([]);
  // An editor's note typed and not yet saved comes back after a reload (issue 12), else the saved one.
  const [unsavedNote, keepNote, clearNote] = useTextDraft(`opinion-issue-note:${id}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the saved note changes, not on every keystroke
  useEffect(() => setNote(unsavedNote || (issue?.editorNote ?? '')), [issue?.editorNote]);
  useEffect(() => setTargets(settings.data?.committee.hasParent ? ['higher'] : ['party']), [settings.data]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: opinionKeys.all });
  const act = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: () => refresh(),
    onError: (e) => message.error(errorMessage(e)),
  });

  if (isLoading) return <Skeleton active />;
  if (error || !issue) return <ErrorAlert error={error} />;
  const order = issue.reports.map((r) => r.id);
  const move = (i: number, delta: number) => {
    const next = [...order];
    [next[i], next[i + delta]] = [next[i + delta], next[i]];
    act.mutate(() => api.put(`/api/opinions/issues/${id}`, { order: next }));
  };

  return (
    <>
      <PageHeader
        title={issue.title}
        back="/opinions/issues"
        description={
          draft
            ? '编辑中：可调整信息、顺序和编者按。印发后内容锁定。'
            : `已于${formatDate(issue.issuedOn)}印发。${issue.forwardedTo.length ? `已报送：${issue.forwardedTo.join('、')}。` : ''}`
        }
        extra={
          <Space wrap>
            <ExportButton icon={<FileWordOutlined />} url={`/api/opinions/issues/${id}/word`}>
              导出 Word
            </ExportButton>
            {editor && draft && (
              <ConfirmButton
                type="primary"
                confirm={`确定印发${issue.title}吗？`}
                detail="印发后本期内容不能再修改。"
                disabled={!issue.reports.length}
                onConfirm={async () => {
                  await api.post(`/api/opinions/issues/${id}/issue`, {});
                  await refresh();
                  message.success('已印发');
                }}
              >
                印发
              </ConfirmButton>
            )}
            {editor && !draft && (
              <Button type="primary" icon={<SendOutlined />} onClick={() => setForwardOpen(true)}>
                报送本期
              </Button>
            )}
            {editor && draft && !issue.reports.length && (
              <ConfirmButton
                danger
                confirm="确定删除这一期吗？"
                detail="只能删除本年度最后一期的空刊。"
                onConfirm={async () => {
                  await api.del(`/api/opinions/issues/${id}`);
                  await refresh();
                  navigate('/opinions/issues');
                }}
              >
                删除本期
              </ConfirmButton>
            )}
          </Space>
        }
      />
      <Card title="编者按" style={{ marginBottom: 16 }}>
        {editor && draft ? (
          <Flex vertical gap={8}>
            <Input.TextArea
              aria-label="编者按"
              value={note}
              count={{ show: true, max: 1000 }}
              autoSize={{ minRows: 2 }}
              onChange={(e) => {
                setNote(e.target.value);
                keepNote(e.target.value);
              }}
              placeholder="可不填"
            />
            <div>
              <Button
                loading={act.isPending}
                onClick={() =>
                  act.mutate(async () => {
                    await api.put(`/api/opinions/issues/${id}`, { editorNote: note.trim() || null });
                    clearNote();
                    message.success('编者按已保存');
                  })
                }
              >
                保存编者按
              </Button>
            </div>
          </Flex>
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>{issue.editorNote || '（无）'}</Typography.Paragraph>
        )}
      </Card>

      <Card title={`本期信息（${issue.reports.length} 条）`} style={{ marginBottom: 16 }}>
        {!issue.reports.length && <Empty description="还没有编入信息" />}
        {issue.reports.map((r, i) => (
          <Card
            key={r.id}
            size="small"
            style={{ marginBottom: 12 }}
            title={
              <span style={{ whiteSpace: 'normal' }}>
                {i + 1}. {r.title} {r.edited && <Pill tone="blue">已编辑</Pill>}
              </span>
            }
            extra={
              editor &&
              draft && (
                <Space wrap>
                  <Button
                    size="small"
                    aria-label="上移"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  />
                  <Button
                    size="small"
                    aria-label="下移"
                    icon={<ArrowDownOutlined />}
                    disabled={i === issue.reports.length - 1}
                    onClick={() => move(i, 1)}
                  />
                  <ConfirmButton
                    size="small"
                    confirm="确定将这条信息移出本期吗？"
                    detail="移出后回到“待编报”。"
                    onConfirm={async () => {
                      await api.del(`/api/opinions/issues/${id}/reports/${r.id}`);
                      await refresh();
                    }}
                  >
                    移出
                  </ConfirmButton>
                </Space>
              )
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {r.originCommitteeName ? `${r.originCommitteeName}报送` : `${r.submitterName}（${r.submitterKindLabel}）`}{' '}
              · {r.category} ·{' '}
              <Link to={`/opinions/${r.id}`} style={{ textDecoration: 'underline' }}>
                查看原稿与编辑稿{draft && editor ? '、编辑加工' : ''}
              </Link>
            </Typography.Paragraph>
            <Typography.Paragraph
              ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
              style={{ whiteSpace: 'pre-wrap' }}
            >
              {r.body}
            </Typography.Paragraph>
          </Card>
        ))}
      </Card>

      {editor && draft && (
        <Card title="可编入的信息（已采编留用）">
          {!candidates.data?.items.length ? (
            <Empty description="没有待编报的信息" />
          ) : (
            <>
              <Checkbox.Group value={picked} onChange={(v) => setPicked(v as number[])} style={{ width: '100%' }}>
                <List
                  style={{ width: '100%' }}
                  dataSource={candidates.data.items}
                  renderItem={(r) => (
                    <List.Item>
                      <Checkbox value={r.id}>
                        <span style={{ fontWeight: 600 }}>{r.title}</span>
                        <Typography.Text type="secondary">
                          {' '}
                          · {r.originCommitteeName ?? r.submitterName} · {r.category}
                        </Typography.Text>
                      </Checkbox>
                    </List.Item>
                  )}
                />
              </Checkbox.Group>
              <Button
                type="primary"
                style={{ marginTop: 12 }}
                disabled={!picked.length}
                loading={act.isPending}
                onClick={() =>
                  act.mutate(async () => {
                    await api.post(`/api/opinions/issues/${id}/reports`, { reportIds: picked });
                    setPicked([]);
                    message.success('已编入本期');
                  })
                }
              >
                编入本期（{picked.length}）
              </Button>
            </>
          )}
        </Card>
      )}

      <Modal
        open={forwardOpen}
        title={`报送${issue.title}`}
        okText="报送"
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setForwardOpen(false)}
        okButtonProps={{ disabled: !targets.length }}
        onOk={() =>
          act.mutate(async () => {
            const res = await api.post<{ forwarded: number }>(`/api/opinions/issues/${id}/forward`, {
              targets: targets.map((kind) => ({ kind })),
            });
            setForwardOpen(false);
            message.success(res.forwarded ? `已报送 ${res.forwarded} 条信息` : '这些对象已报送过，没有新的报送');
          })
        }
      >
        <Typography.Paragraph>本期每条信息将报送到所选对象；已报送过的对象不会重复报送。</Typography.Paragraph>
        <Checkbox.Group
          aria-label="报送对象"
          value={targets}
          onChange={(v) => setTargets(v as string[])}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={[
            ...(settings.data?.committee.hasParent
              ? [{ value: 'higher', label: '上级政协（平台报送，进入其筛选队列）' }]
              : []),
            { value: 'party', label: '党委' },
            { value: 'government', label: '政府' },
          ]}
        />
      </Modal>
    </>
  );
}
