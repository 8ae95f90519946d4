// 提案详情: the proposal as written, its proposers and units, each unit's handling with its buttons, replies and
// ratings, key-proposal records, commendation, and the timeline of every step. Buttons come from the server's
// allowed actions, so each user sees exactly what they may do now.
import { FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Switch,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDate, formatDateTime, toApiDate } from '../../app/format.ts';
import { useSession } from '../../app/session.tsx';
import {
  ConfirmButton,
  ErrorAlert,
  ExportButton,
  errorMessage,
  PageHeader,
  useFormDraft,
} from '../../components/index.ts';
import { ActionDialog, type PendingAction } from './ActionDialog.tsx';
import { type Detail, stateColor, TAG, useProposal } from './api.ts';

const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\n+/)
      .filter((p) => p.trim())
      .map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <Typography.Paragraph key={i} style={{ fontSize: 17, lineHeight: 1.9, textIndent: '2em' }}>
          {p}
        </Typography.Paragraph>
      ))}
  </>
);

export function ProposalDetailPage() {
  const id = Number(useParams().id);
  const { data: d, error, isLoading, refetch } = useProposal(id);
  const { can, me } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [dialog, setDialog] = useState<'key' | 'keyEvent' | 'commend' | null>(null);
  const isStaff = can('proposal.review');
  const done = () => {
    void refetch();
    void client.invalidateQueries({ queryKey: ['proposals', 'list'] });
  };

  if (isLoading) return <Spin size="large" />;
  if (!d) return <ErrorAlert error={error} />;

  const open = (target: PendingAction['target'], targetId: number, a: Detail['actions'][number], role?: string) =>
    setPending({ ...a, target, targetId, role });

  return (
    <>
      <PageHeader
        title={d.title}
        back
        description={
          <Space wrap size={8}>
            <Tag color={stateColor(d.state)} style={{ fontSize: 15, padding: '2px 10px' }}>
              {d.stateLabel}
            </Tag>
            {d.numberLabel && <span>{d.numberLabel}</span>}
            <span>{d.kindLabel}</span>
            {d.category && <span>{d.category}</span>}
            {d.isKey && <Tag color={TAG.red}>重点提案</Tag>}
            {d.isSessionProposal && <Tag>大会提案</Tag>}
            {d.round > 1 && <Tag color={TAG.orange}>第 {d.round} 轮办理</Tag>}
          </Space>
        }
        extra={
          <>
            {d.actions.map((a) => (
              <Button key={a.action} type="primary" size="large" onClick={() => open('proposal', d.id, a)}>
                {a.label}
              </Button>
            ))}
            {d.can.edit && (
              <Button size="large" onClick={() => navigate(`/proposals/${d.id}/edit`)}>
                修改
              </Button>
            )}
            {d.can.delete && (
              <ConfirmButton
                size="large"
                danger
                confirm="确定删除这份草稿吗？"
                detail="删除后无法恢复。"
                onConfirm={async () => {
                  await api.del(`/api/proposals/${d.id}`);
                  await client.invalidateQueries({ queryKey: ['proposals', 'list'] });
                  navigate('/proposals/mine');
                }}
              >
                删除草稿
              </ConfirmButton>
            )}
            <ExportButton url={`/api/proposals/${d.id}/word`} icon={<FileWordOutlined />}>
              导出 Word
            </ExportButton>
          </>
        }
      />
      {d.rejectGround && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`不予立案：${d.rejectGround}`}
          description={d.timeline.filter((e) => e.action === 'reject').at(-1)?.comment}
        />
      )}
      {d.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              已并入提案 <Link to={`/proposals/${d.mergedInto.id}`}>{d.mergedInto.title}</Link>
              {d.mergedInto.numberLabel ? `（${d.mergedInto.numberLabel}）` : ''} 一并办理，办理结果同样答复您。
            </span>
          }
        />
      )}
      {d.convertedTo && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已转为${d.convertedTo === 'opinion' ? '社情民意信息' : '意见建议'}`}
          description={
            d.convertedOpinionId &&
            (can('opinion.readAll') || d.proposers.some((x) => x.memberId === me?.account.memberId)) ? (
              <Link to={`/opinions/${d.convertedOpinionId}`}>查看转成的社情民意信息及其采编、采用情况</Link>
            ) : undefined
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="提案内容" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="middle" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="提案人">
                {d.org ? (
                  `${d.org.name}${d.org.responsibleName ? `（负责人：${d.org.responsibleName}）` : ''}`
                ) : (
                  <Space wrap>
                    {d.proposers.map((p) => (
                      <span key={p.memberId}>
                        {p.name}
                        {p.isLead && d.kind === 'joint' ? '（领衔）' : ''}
                        {p.cosignStatus === 'invited' && <Tag color={TAG.gold}>待确认</Tag>}
                        {p.cosignStatus === 'declined' && <Tag>已谢绝</Tag>}
                      </span>
                    ))}
                  </Space>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatDateTime(d.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label="建议承办单位">
                {d.suggestedUnits.map((u) => u.name).join('、') || '—'}
              </Descriptions.Item>
              {d.outcomeClass && (
                <Descriptions.Item label="办理结果">
                  {d.outcomeClass} 类 {d.outcomeLabel}
                </Descriptions.Item>
              )}
              {d.mergedFrom.length > 0 && (
                <Descriptions.Item label="并入的提案" span={2}>
                  <Space direction="vertical" size={0}>
                    {d.mergedFrom.map((m) => (
                      <Link key={m.id} to={`/proposals/${m.id}`}>
                        {m.title}（{m.proposers}）
                      </Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={2} style={{ fontSize: 19 }}>
              案据
            </Typography.Title>
            <Paragraphs text={d.background} />
            <Typography.Title level={2} style={{ fontSize: 19 }}>
              建议
            </Typography.Title>
            <Paragraphs text={d.suggestions} />
            {d.files.length > 0 && (
              <Space direction="vertical">
                {d.files.map((f) => (
                  <a key={f.id} href={`/api/files/${f.id}`}>
                    <PaperClipOutlined /> {f.name}
                  </a>
                ))}
              </Space>
            )}
          </Card>

          {d.assignments.length > 0 && (
            <Card title="承办情况" style={{ marginBottom: 16 }}>
              <Space direction="vertical" style={{ width: '100%' }} size={16}>
                {d.assignments.map((a) => (
                  <Card
                    key={a.id}
                    type="inner"
                    title={
                      <Space wrap>
                        <span>{a.unitName}</span>
                        <Tag>{a.roleLabel}</Tag>
                        <Tag
                          color={
                            a.state === 'done' || a.state === 'viewSent'
                              ? TAG.green
                              : a.state === 'returned'
                                ? 'default'
                                : TAG.blue
                          }
                        >
                          {a.stateLabel}
                        </Tag>
                        {a.overdue && <Tag color={TAG.red}>已超期</Tag>}
                      </Space>
                    }
                  >
                    <Typography.Paragraph>
                      办理期限：{formatDate(a.dueAt)}
                      {a.extensionCount > 0 ? `（已延期 ${a.extensionCount} 次）` : ''}
                      {a.state === 'assigned' ? `；申请退回截止：${formatDate(a.returnDeadline)}` : ''}
                    </Typography.Paragraph>
                    {a.contacts.map((c) => (
                      <Typography.Paragraph key={c.id} type="secondary">
                        办前面商（第 {c.round} 轮）：{formatDate(c.date)}，{c.way}
                        {c.notes ? `，${c.notes}` : ''}
                      </Typography.Paragraph>
                    ))}
                    {a.views.map((v) => (
                      <Alert key={v.id} type="info" title="会办意见" description={v.text} style={{ marginBottom: 8 }} />
                    ))}
                    {a.actions.length > 0 && (
                      <Flex wrap gap={8}>
                        {a.actions.map((x) => (
                          <Button
                            key={x.action}
                            type={['reply', 'accept', 'approveReply'].includes(x.action) ? 'primary' : 'default'}
                            size="large"
                            onClick={() => open('assignment', a.id, x, a.role)}
                          >
                            {x.label}
                          </Button>
                        ))}
                      </Flex>
                    )}
                  </Card>
                ))}
              </Space>
            </Card>
          )}

          {d.replies.length > 0 && (
            <Card title="答复" style={{ marginBottom: 16 }}>
              {d.replies.map((r) => (
                <div key={r.id} style={{ marginBottom: 24 }}>
                  <Space wrap style={{ marginBottom: 8 }}>
                    <strong>{r.unitName}</strong>
                    <Tag color={TAG.blue}>
                      {r.outcomeClass} 类 {r.outcomeLabel}
                    </Tag>
                    {r.originalClass !== r.outcomeClass && <Tag>原报 {r.originalClass} 类</Tag>}
                    {r.round > 1 && <Tag color={TAG.orange}>第 {r.round} 轮</Tag>}
                    {r.reviewState === 'pending' && <Tag color={TAG.gold}>待审核</Tag>}
                    {r.reviewState === 'sentBack' && <Tag color={TAG.red}>已退回</Tag>}
                    <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
                  </Space>
                  <Paragraphs text={r.text} />
                  {r.reviewComment && <Alert type="warning" title={`审核意见：${r.reviewComment}`} />}
                  <Space wrap>
                    {r.letter && (
                      <a href={`/api/files/${r.letter.id}`}>
                        <PaperClipOutlined /> {r.letter.name}
                      </a>
                    )}
                    <ExportButton url={`/api/proposals/replies/${r.id}/word`} icon={<FileWordOutlined />}>
                      答复函 Word
                    </ExportButton>
                  </Space>
                </div>
              ))}
            </Card>
          )}

          {(d.ratings.length > 0 || d.state === 'replied') && (
            <Card title="提案人评价" style={{ marginBottom: 16 }}>
              {d.ratingDueAt && d.state === 'replied' && (
                <Typography.Paragraph>请在 {formatDate(d.ratingDueAt)} 前评价。</Typography.Paragraph>
              )}
              {d.ratings.length === 0 ? (
                <Empty description="尚未评价" />
              ) : (
                d.ratings.map((r) => (
                  <Typography.Paragraph key={r.id}>
                    第 {r.round} 轮 · {r.raterName}：
                    <Tag color={r.rating === 'unsatisfied' ? TAG.red : TAG.green}>{r.ratingLabel}</Tag>
                    {r.comment}
                    {r.enteredByStaff ? '（工作人员代为录入）' : ''}
                  </Typography.Paragraph>
                ))
              )}
            </Card>
          )}
        </Col>

        <Col xs={24} xl={8}>
          {(d.key || d.can.setKey) && (
            <Card
              title="重点提案"
              style={{ marginBottom: 16 }}
              extra={
                d.can.setKey && (
                  <Space>
                    <Button onClick={() => setDialog('key')}>{d.key ? '修改' : '列为重点'}</Button>
                    {d.key && <Button onClick={() => setDialog('keyEvent')}>记录督办</Button>}
                  </Space>
                )
              }
            >
              {d.key ? (
                <>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="领办领导">{d.key.governmentLeader}</Descriptions.Item>
                    <Descriptions.Item label="督办领导">{d.key.supervisingLeader}</Descriptions.Item>
                  </Descriptions>
                  <Timeline
                    items={d.key.events.map((e) => ({
                      key: e.id,
                      children: (
                        <>
                          <strong>
                            {formatDate(e.date)} {e.kindLabel}
                          </strong>
                          <div>{e.text}</div>
                        </>
                      ),
                    }))}
                  />
                  {d.can.setKey && (
                    <ConfirmButton
                      confirm="确定取消重点提案吗？"
                      detail="督办记录将一并删除。"
                      danger
                      onConfirm={async () => {
                        await api.del(`/api/proposals/${d.id}/key`);
                        done();
                      }}
                    >
                      取消重点提案
                    </ConfirmButton>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">尚未列为重点提案</Typography.Text>
              )}
            </Card>
          )}
          {(d.commendation || d.can.commend) && (
            <Card title="优秀提案" style={{ marginBottom: 16 }}>
              {d.commendation ? (
                <Typography.Paragraph>
                  {d.commendation.year} 年度：<Tag>{d.commendation.stateLabel}</Tag>
                  {d.commendation.score != null && `评审得分 ${d.commendation.score}`}
                </Typography.Paragraph>
              ) : null}
              {d.can.commend && (
                <Button onClick={() => setDialog('commend')}>{d.commendation ? '评选操作' : '推荐为优秀提案'}</Button>
              )}
            </Card>
          )}
          {d.can.setPublic && (
            <Card title="公开" style={{ marginBottom: 16 }}>
              <Flex align="center" gap={12}>
                <Switch
                  checked={d.isPublic}
                  aria-label="提案及答复公开"
                  onChange={async (v) => {
                    await api.put(`/api/proposals/${d.id}/public`, { isPublic: v, repliesPublic: v });
                    done();
                  }}
                />
                <span>提案及答复{d.isPublic ? '已公开' : '不公开'}</span>
              </Flex>
            </Card>
          )}
          <Card title="办理过程">
            <Timeline
              items={d.timeline.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <div style={{ fontWeight: 600 }}>
                      {e.unitName ? `${e.unitName} ` : ''}
                      {e.label}
                    </div>
                    <Typography.Text type="secondary">
                      {formatDateTime(e.createdAt)} · {e.actorName ?? '系统'} · {e.toStateLabel}
                    </Typography.Text>
                    {e.comment && <div>{e.comment}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <ActionDialog pending={pending} detail={d} isStaff={isStaff} onClose={() => setPending(null)} onDone={done} />
      <StaffDialogs which={dialog} detail={d} onClose={() => setDialog(null)} onDone={done} />
    </>
  );
}

function StaffDialogs({
  which,
  detail,
  onClose,
  onDone,
}: {
  which: 'key' | 'keyEvent' | 'commend' | null;
  detail: Detail;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm();
  const draft = useFormDraft(form, which ? `proposal-${which}:${detail.id}` : null);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const commendAction = Form.useWatch('action', form);
  const submit = async () => {
    let v: Record<string, any>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (which === 'key') await api.put(`/api/proposals/${detail.id}/key`, v);
      if (which === 'keyEvent')
        await api.post(`/api/proposals/${detail.id}/key/events`, { ...v, date: toApiDate(v.date) });
      if (which === 'commend') await api.post(`/api/proposals/${detail.id}/commendation`, v);
      message.success('已保存');
      draft.clear();
      form.resetFields();
      onClose();
      onDone();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const commendOptions = detail.commendation
    ? detail.commendation.actions.map((a) => ({ value: a.action, label: a.label }))
    : [{ value: 'nominate', label: '推荐为优秀提案' }];
  return (
    <Modal
      open={!!which}
      title={which === 'key' ? '重点提案' : which === 'keyEvent' ? '记录督办情况' : '优秀提案评选'}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      onOk={submit}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
    >
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        size="large"
        preserve={false}
        onValuesChange={draft.onValuesChange}
        initialValues={
          which === 'key' && detail.key
            ? {
                governmentLeader: detail.key.governmentLeader,
                supervisingLeader: detail.key.supervisingLeader,
                note: detail.key.note,
              }
            : undefined
        }
      >
        {which === 'key' && (
          <>
            <Form.Item
              name="governmentLeader"
              label="领办的政府领导"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input count={{ show: true, max: 100 }} placeholder="例如：副市长 王强" />
            </Form.Item>
            <Form.Item
              name="supervisingLeader"
              label="督办的政协领导"
              rules={[{ required: true, whitespace: true, message: '请填写' }]}
            >
              <Input count={{ show: true, max: 100 }} placeholder="例如：副主席 李明" />
            </Form.Item>
            <Form.Item name="note" label="备注">
              <Input.TextArea count={{ show: true, max: 2000 }} />
            </Form.Item>
          </>
        )}
        {which === 'keyEvent' && (
          <>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select
                options={[
                  { value: 'visit', label: '督办视察' },
                  { value: 'consultation', label: '办理协商' },
                  { value: 'progress', label: '办理进展' },
                ]}
              />
            </Form.Item>
            <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="text" label="内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
              <Input.TextArea autoSize={{ minRows: 4 }} count={{ show: true, max: 8000 }} />
            </Form.Item>
          </>
        )}
        {which === 'commend' && (
          <>
            <Form.Item name="action" label="操作" rules={[{ required: true, message: '请选择操作' }]}>
              <Select options={commendOptions} />
            </Form.Item>
            {commendAction === 'nominate' && (
              <Form.Item name="reason" label="推荐理由">
                <Input.TextArea count={{ show: true, max: 4000 }} />
              </Form.Item>
            )}
            {commendAction === 'evaluate' && (
              <>
                <Form.Item name="score" label="评审得分（0–100）" rules={[{ required: true, message: '请填写得分' }]}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="opinion" label="评审意见">
                  <Input.TextArea count={{ show: true, max: 4000 }} />
                </Form.Item>
              </>
            )}
            {commendAction === 'drop' && (
              <Form.Item
                name="comment"
                label="理由"
                rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
              >
                <Input.TextArea count={{ show: true, max: 4000 }} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
