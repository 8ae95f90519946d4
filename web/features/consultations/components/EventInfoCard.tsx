// An event's details (kind, state, time, place, plan topic, bodies, deadlines for staff), the meeting link, the Word
// documents for staff and the materials.
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import { ExportButton } from '../../../components/index.ts';
import { type EventDetail, STATE_COLORS } from '../api.ts';

export function EventInfoCard({ e, office }: { e: EventDetail; office: boolean }) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag>{e.kindLabel}</Tag>
        <Tag color={STATE_COLORS[e.state]}>{e.stateLabel}</Tag>
      </Space>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="时间">{e.startsAt ? formatDateTime(e.startsAt) : e.heldOn}</Descriptions.Item>
        <Descriptions.Item label="地点">{e.place}</Descriptions.Item>
        {e.planItemTopic && <Descriptions.Item label="计划议题">{e.planItemTopic}</Descriptions.Item>}
        {e.counterpartBody && <Descriptions.Item label="对口部门">{e.counterpartBody}</Descriptions.Item>}
        {e.supervisedBody && (
          <Descriptions.Item label="监督对象">{`${e.supervisedBody}（${e.supervisionFormLabel ?? ''}）`}</Descriptions.Item>
        )}
        {e.proposalId && (
          <Descriptions.Item label="重点提案">
            <Link to={`/proposals/${e.proposalId}`}>查看提案</Link>
          </Descriptions.Item>
        )}
        {office && e.noticeDue && <Descriptions.Item label="通知期限">{e.noticeDue}</Descriptions.Item>}
        {office && e.materialsDue && <Descriptions.Item label="材料期限">{e.materialsDue}</Descriptions.Item>}
        {e.minutesDue && <Descriptions.Item label="纪要期限">{e.minutesDue}</Descriptions.Item>}
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        {e.meetingId && (
          <Link to={`/meetings/${e.meetingId}`}>
            <Button>会议通知、请假和签到</Button>
          </Link>
        )}
        {office && (
          <>
            <ExportButton url={`/api/consultations/events/${e.id}/notice.docx`}>会议通知（Word）</ExportButton>
            <ExportButton url={`/api/consultations/events/${e.id}/agenda.docx`}>会议议程（Word）</ExportButton>
            {e.minutes && (
              <ExportButton url={`/api/consultations/events/${e.id}/minutes.docx`}>会议纪要（Word）</ExportButton>
            )}
          </>
        )}
      </Space>
      {e.files.length > 0 && (
        <div style={{ marginTop: 8 }}>
          会议材料：
          {e.files.map((f) => (
            <a key={f.id} href={`/api/files/${f.id}`} style={{ marginRight: 12 }}>
              {f.name}
            </a>
          ))}
        </div>
      )}
    </Card>
  );
}
