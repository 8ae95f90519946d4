// 履职档案 (一届一人一档): the member's term as a timeline gathered from every module, filtered by section, with the
// Word export staff print at the term's end. /record/me for the member; /record/members/:id for staff.
import { Card, Select, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, ExportButton, FilterBar, PageHeader, useListParams } from '../../components/index.ts';
import { useMemberRecord } from './queries.ts';

export function RecordPage() {
  const { id } = useParams();
  const { me } = useSession();
  const memberId = id ? Number(id) : me?.account.memberId;
  const [params, setParams] = useListParams({ source: '' });
  const rec = useMemberRecord(memberId, params.source);
  const r = rec.data;
  const labels = Object.fromEntries((r?.sections ?? []).map((s) => [s.key, s.label]));
  return (
    <>
      <PageHeader
        title={r ? `${r.member.name}的履职档案` : '履职档案'}
        description={r ? `${r.member.termName} · ${r.from} 至 ${r.to}` : undefined}
        extra={
          memberId ? <ExportButton url={`/api/record/members/${memberId}/record.docx`}>导出 Word</ExportButton> : null
        }
      />
      <ErrorAlert error={rec.error} />
      {!memberId && <Typography.Paragraph>您的账号未关联委员，没有履职档案。</Typography.Paragraph>}
      {r && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>界别：{r.member.sectorName ?? '—'}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              专委会：{r.member.specialCommittees.join('、') || '—'}
            </Typography.Paragraph>
            {r.sections.map((s) => (
              <Tag key={s.key} color={s.count ? 'blue' : undefined} style={{ marginBottom: 4 }}>
                {s.label} {s.count}
              </Tag>
            ))}
          </Card>
          <FilterBar active={params.source ? 1 : 0}>
            <Select
              aria-label="类别"
              allowClear
              placeholder="全部类别"
              style={{ minWidth: 180 }}
              value={params.source || undefined}
              onChange={(source) => setParams({ source: source ?? '' })}
              options={r.sections.map((s) => ({ value: s.key, label: s.label }))}
            />
          </FilterBar>
          <Card>
            {r.entries.length ? (
              <Timeline
                items={r.entries.map((e, i) => ({
                  key: `${e.source}-${i}`,
                  children: (
                    <div>
                      <Typography.Text type="secondary">
                        {e.date} · {labels[e.source] ?? e.source} · {e.kind}
                      </Typography.Text>
                      <div style={{ fontSize: '1.05em' }}>{e.link ? <Link to={e.link}>{e.title}</Link> : e.title}</div>
                      {e.detail && <Typography.Text>{e.detail}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">暂无记录</Typography.Text>
            )}
          </Card>
        </>
      )}
    </>
  );
}
