// A member's 学习 page: the year's study plan (themes by term) and his training classes, published materials with his
// progress on each, and his reflections with their state.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, List, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, qs } from '../../api/client.ts';
import { beijingYear, formatDate } from '../../app/format.ts';
import { ErrorAlert, PageHeader, useListParams } from '../../components/index.ts';
import { learningKeys, type Material, type Paged, type Reflection, STATE_COLOR } from './api.ts';

interface Plan {
  id: number;
  year: number;
  title: string;
  description: string;
  themes: { term: string; title: string; description?: string }[];
}
interface StudyClass {
  id: number;
  title: string;
  year: number;
  memberCount: number;
  sessionCount: number;
}

/** This year's plan (else the latest) and the member's classes: what the year's study is about, before the materials. */
function PlanCard() {
  const plans = useQuery({ queryKey: ['learning', 'plans'], queryFn: () => api.get<Plan[]>('/api/learning/plans') });
  const classes = useQuery({
    queryKey: ['learning', 'classes'],
    queryFn: () => api.get<StudyClass[]>('/api/learning/classes'),
  });
  const year = beijingYear();
  const plan = plans.data?.find((p) => p.year === year) ?? plans.data?.[0];
  if (!plan && !classes.data?.length) return <ErrorAlert error={plans.error ?? classes.error} />;
  return (
    <Card title={plan ? plan.title : '培训班'} style={{ marginBottom: 16 }}>
      <ErrorAlert error={plans.error ?? classes.error} />
      {plan?.description && <Typography.Paragraph>{plan.description}</Typography.Paragraph>}
      {plan?.themes.map((t) => (
        <div key={`${t.term}-${t.title}`} style={{ marginBottom: 8 }}>
          <Tag color="blue">{t.term}</Tag>
          <Typography.Text strong>{t.title}</Typography.Text>
          {t.description && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.description}</div>}
        </div>
      ))}
      {!!classes.data?.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            我参加的培训班
          </Typography.Title>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {classes.data.map((c) => (
              <li key={c.id}>
                {c.title}（{c.year}年，{c.sessionCount} 次课）
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function MaterialsCard() {
  const [params, setParams] = useListParams({ q: '' });
  const filters = { q: params.q || undefined, page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: learningKeys.materials(filters),
    queryFn: () => api.get<Paged<Material>>(`/api/learning/materials${qs(filters)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="学习资料" style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索学习资料"
        placeholder="搜索资料名称、主题"
        allowClear
        defaultValue={params.q}
        onSearch={(q) => setParams({ q, page: 1 })}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={error} />
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无学习资料" /> }}
        pagination={
          (data?.total ?? 0) > params.pageSize
            ? {
                current: params.page,
                pageSize: params.pageSize,
                total: data?.total,
                onChange: (page) => setParams({ page }),
              }
            : false
        }
        renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Link to={`/learning/materials/${m.id}`} style={{ fontSize: 17 }}>
                {m.title}
              </Link>
              <div>
                <Tag>{m.kindLabel}</Tag>
                {m.theme && <Typography.Text type="secondary">{m.theme}</Typography.Text>}
              </div>
              <Progress
                percent={m.myPercent}
                status={m.myFinishedAt ? 'success' : 'normal'}
                format={(p) => (m.myFinishedAt ? '已学完' : `${p}%`)}
                aria-label={`${m.title} 学习进度`}
              />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function ReflectionsCard() {
  const { data, error } = useQuery({
    queryKey: learningKeys.reflections({ mine: true }),
    queryFn: () => api.get<Paged<Reflection>>('/api/learning/reflections?mine=true&pageSize=50'),
  });
  return (
    <Card title="我的学习心得">
      <ErrorAlert error={error} />
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="学完资料后，可在资料页写下心得" /> }}
        renderItem={(r) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Link to={`/learning/reflections/${r.id}`} style={{ fontSize: 17 }}>
                {r.title}
              </Link>{' '}
              <Tag color={STATE_COLOR[r.state]}>{r.stateLabel}</Tag>
              <div>
                <Typography.Text type="secondary">
                  {r.materialTitle ?? r.classTitle ?? ''} {r.updatedAt ? formatDate(r.updatedAt) : ''}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function StudyPage() {
  return (
    <>
      <PageHeader title="委员学习" description="学习计划、培训班、学习资料、学习进度和学习心得。" />
      <PlanCard />
      <MaterialsCard />
      <ReflectionsCard />
    </>
  );
}
