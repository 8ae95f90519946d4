// One member in a drawer: the record (phones and ID numbers masked, revealed on request and audited), terms,
// sectors, committees and groups; edit and status change for staff.
import { EditOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { formatDate, formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { LEADERSHIP, type Member } from '../api.ts';
import { orgKeys } from '../queries.ts';
import { RevealValue } from '../SensitiveParts.tsx';
import { StatusTag } from './MemberStatus.tsx';

export const workUnitTitle = (m: Member) => [m.workUnit, m.jobTitle].filter(Boolean).join(' ') || '—';

export function MemberDetail({
  id,
  onClose,
  onEdit,
  onStatus,
  canManage,
  width,
}: {
  id: number | null;
  onClose: () => void;
  onEdit: (m: Member) => void;
  onStatus: (m: Member) => void;
  canManage: boolean;
  width: number | string;
}) {
  const { data, error } = useQuery({
    queryKey: orgKeys.member(id),
    queryFn: () =>
      api.get<{ member: Member; account: { id: number; username: string; disabled: boolean } | null }>(
        `/api/org/members/${id}`,
      ),
    enabled: id !== null,
  });
  const m = data?.member;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={width}
      title={m ? `委员：${m.name}` : '委员详情'}
      extra={
        canManage &&
        m && (
          <Flex gap={8}>
            <Button icon={<EditOutlined />} onClick={() => onEdit(m)}>
              修改
            </Button>
            <Button icon={<SwapOutlined />} onClick={() => onStatus(m)}>
              变更状态
            </Button>
          </Flex>
        )
      }
    >
      <ErrorAlert error={error} />
      {m && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable profile must be keyboard-reachable (axe scrollable-region-focusable)
        <section tabIndex={0} aria-label={`${m.name}的委员信息`} style={{ outlineOffset: 4 }}>
          <Descriptions column={1} bordered size="middle" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
            <Descriptions.Item label="委员编号">{m.code ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusTag status={m.status} />
              {m.statusDate && m.status !== 'active' && (
                <Typography.Text type="secondary">
                  {formatDate(m.statusDate)} {m.statusReason}
                </Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="性别">{m.gender ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="民族">{m.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{formatDate(m.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="政治面貌">{m.party ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="届次">{m.termName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="界别">{m.sectorName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="专委会">
              {m.specialCommittees.map((s) => s.name).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="学习组/工作组">{m.groups.map((g) => g.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="工作单位及职务">{workUnitTitle(m)}</Descriptions.Item>
            <Descriptions.Item label="手机号">
              <RevealValue key={`p${m.id}`} memberId={m.id} memberName={m.name} field="phone" masked={m.phone} />
            </Descriptions.Item>
            <Descriptions.Item label="身份证号">
              <RevealValue key={`i${m.id}`} memberId={m.id} memberName={m.name} field="idNumber" masked={m.idNumber} />
            </Descriptions.Item>
            <Descriptions.Item label="常委">{m.standingMember ? '是' : '否'}</Descriptions.Item>
            <Descriptions.Item label="领导职务">
              {m.leadershipRole ? LEADERSHIP[m.leadershipRole] : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="平台账号">
              {data?.account ? `${data.account.username}${data.account.disabled ? '（已停用）' : ''}` : '未开通'}
            </Descriptions.Item>
            <Descriptions.Item label="最近修改">{formatDateTime(m.updatedAt)}</Descriptions.Item>
          </Descriptions>
        </section>
      )}
    </Drawer>
  );
}
