// Pieces shared by the meeting and activity pages: the invite-scope picker, a member search select, the rotating QR
// screen for the venue, and the labels of kinds and states.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Select, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, qs } from '../../api/client.ts';
import { choices, ErrorAlert } from '../../components/index.ts';
import { useReference } from '../org/api.ts';

/** The committee's reference lists (terms, sessions, sectors, units…): org's one hook and cache entry. */
export { useReference };

export const MEETING_KINDS: Record<string, string> = {
  plenary: '全体会议',
  standing: '常委会议',
  chairsCouncil: '主席会议',
  specialCommittee: '专委会会议',
  sector: '界别会议',
};
/** The stored states, as the status filter names them ('planned' covers 未开始 and 进行中). */
export const MEETING_STATUS: Record<string, { label: string; color: string }> = {
  planned: { label: '未结束', color: '#0958d9' },
  closed: { label: '已结束', color: 'default' },
  cancelled: { label: '已取消', color: '#cf1322' },
};

/** What a person expects to read on a meeting: 未开始 / 进行中 / 已结束 / 已取消, from its state and its time. */
export function meetingState(
  m: { status: string; startsAt: string; endsAt: string },
  now = Date.now(),
): { label: string; color: string } {
  if (m.status !== 'planned') return MEETING_STATUS[m.status] ?? { label: m.status, color: 'default' };
  if (now < new Date(m.startsAt).getTime()) return { label: '未开始', color: '#0958d9' };
  if (now <= new Date(m.endsAt).getTime()) return { label: '进行中', color: '#237804' };
  return MEETING_STATUS.closed;
}
export const ATTENDANCE: Record<string, { label: string; color: string }> = {
  present: { label: '出席', color: '#237804' },
  partial: { label: '部分出席（按缺席计）', color: '#ad4e00' },
  leave: { label: '请假', color: '#0958d9' },
  leavePending: { label: '请假待审批', color: '#ad4e00' },
  absent: { label: '缺席', color: '#cf1322' },
  notArrived: { label: '未签到', color: 'default' },
};
export const INVITE_RULES: Record<string, string> = {
  all: '全体委员',
  standing: '常委',
  specialCommittee: '某个专委会',
  sector: '某个界别',
  members: '指定委员',
};

const memberLabel = (m: { id: number; name: string; code: string | null }) => `${m.name}（${m.code ?? m.id}）`;

/** Search members by name or number (staff only: /api/org/members). */
export function MemberSelect({
  value,
  onChange,
  multiple,
  id,
}: {
  value?: number | number[];
  onChange?: (v: any) => void;
  multiple?: boolean;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['org', 'members', 'pick', q],
    meta: { background: true },
    queryFn: () =>
      api.get<{ items: { id: number; name: string; code: string | null }[] }>(
        `/api/org/members${qs({ q, pageSize: 30, status: 'active' })}`,
      ),
  });
  const [known, setKnown] = useState<Record<number, string>>({});
  useEffect(() => {
    if (data)
      setKnown((k) => ({
        ...k,
        ...Object.fromEntries(data.items.map((m) => [m.id, memberLabel(m)])),
      }));
  }, [data]);
  // The search's results, then the chosen members it did not return (their names remembered from earlier searches):
  // listing every member ever seen would bury what was just searched for below the first page.
  const chosen = (Array.isArray(value) ? value : value == null ? [] : [value]).filter(
    (v) => !data?.items.some((m) => m.id === v),
  );
  const options = [
    ...(data?.items.map((m) => ({ value: m.id, label: memberLabel(m) })) ?? []),
    ...chosen.map((v) => ({ value: v, label: known[v] ?? String(v) })),
  ];
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder="输入姓名或编号查找"
      notFoundContent={isFetching ? <Spin size="small" /> : '没有找到'}
      options={options}
      style={{ width: '100%' }}
    />
  );
}

/** Form items choosing who is invited: all, standing members, a special committee, a sector or chosen members. */
/** The start and end of a meeting or an activity (form field `time`: [start, end] as dayjs, to the minute), required. */
export function EventTimeItem({ label }: { label: string }) {
  return (
    <Form.Item name="time" label={label} rules={[{ required: true, message: '请选择开始和结束时间' }]}>
      <DatePicker.RangePicker
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: '100%' }}
        placeholder={['开始时间', '结束时间']}
      />
    </Form.Item>
  );
}

export function InviteFields({ name = 'invite', required = true }: { name?: string; required?: boolean }) {
  const ref = useReference();
  const rule = Form.useWatch([name, 'rule']);
  return (
    <>
      <Form.Item
        name={[name, 'rule']}
        label="参加范围"
        rules={required ? [{ required: true, message: '请选择参加范围' }] : []}
      >
        <Select allowClear={!required} placeholder="请选择" options={choices(INVITE_RULES)} />
      </Form.Item>
      {rule === 'specialCommittee' && (
        <Form.Item
          name={[name, 'specialCommitteeId']}
          label="专委会"
          rules={[{ required: true, message: '请选择专委会' }]}
        >
          <Select options={ref.data?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
      )}
      {rule === 'sector' && (
        <Form.Item name={[name, 'sectorId']} label="界别" rules={[{ required: true, message: '请选择界别' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={ref.data?.sectors.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
      )}
      {rule === 'members' && (
        <Form.Item name={[name, 'memberIds']} label="委员" rules={[{ required: true, message: '请选择委员' }]}>
          <MemberSelect multiple />
        </Form.Item>
      )}
    </>
  );
}

interface Code {
  url: string;
  svg: string;
  expiresAt: string;
  title: string;
}

/** The venue screen: a large QR code of the check-in URL, fetched again every 30 seconds (the code rotates). */
export function QrScreen({ codeUrl, backTo }: { codeUrl: string; backTo: string }) {
  const { data, error, dataUpdatedAt } = useQuery({
    queryKey: ['checkin-code', codeUrl],
    queryFn: () => api.get<Code>(codeUrl),
    refetchInterval: 25_000,
    refetchIntervalInBackground: true,
  });
  const box = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, Math.ceil((dataUpdatedAt + 25_000 - now) / 1000));
  return (
    <div ref={box} style={{ background: '#fff', minHeight: '80vh', padding: 24, textAlign: 'center' }}>
      <Typography.Title level={1} style={{ fontSize: 32 }}>
        {data?.title ?? '签到'}
      </Typography.Title>
      <Typography.Paragraph style={{ fontSize: 22 }}>请用手机扫描二维码签到（二维码每 30 秒更换）</Typography.Paragraph>
      <ErrorAlert error={error} />
      {data ? (
        <div
          role="img"
          aria-label="签到二维码"
          style={{ width: 'min(80vw, 70vh)', margin: '0 auto' }}
          // The SVG comes from our own server (qrcode package), not from user input.
          // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted server-generated SVG
          dangerouslySetInnerHTML={{ __html: data.svg.replace('<svg', '<svg width="100%" height="100%"') }}
        />
      ) : (
        <Spin size="large" />
      )}
      <Typography.Paragraph style={{ fontSize: 18, marginTop: 16 }}>约 {left} 秒后更换</Typography.Paragraph>
      <Flex justify="center" gap={12}>
        <Button size="large" onClick={() => box.current?.requestFullscreen?.()}>
          全屏显示
        </Button>
        <Button size="large" href={backTo}>
          返回
        </Button>
      </Flex>
      {data && (
        <Alert
          style={{ marginTop: 16, textAlign: 'left' }}
          type="info"
          title="无法扫码的委员，可由工作人员在签到表中标记出席。"
        />
      )}
    </div>
  );
}

export const Muted = ({ children }: { children: React.ReactNode }) => (
  <Typography.Text type="secondary">{children}</Typography.Text>
);

export function SectionCard({
  title,
  children,
  extra,
}: {
  title: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
}) {
  return (
    <Card title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
