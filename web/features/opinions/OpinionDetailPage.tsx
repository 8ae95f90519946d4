// One report: its state and text (the staff's edited text beside the original), attachments, where it was forwarded,
// adoptions and leaders' instructions (also those that flowed back from a higher committee), referrals with the
// department's response, and its history. The liaison office screens, edits, forwards, records and refers from here;
// the writer edits, submits or deletes a draft.
import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  PaperClipOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, download } from '../../api/client.ts';
import { beijingToday, type dayjs, formatDate, formatDateTime, toApiDate } from '../../app/format.ts';
import { ConfirmButton, ErrorAlert, errorMessage, PageHeader, useFormDraft } from '../../components/index.ts';
import { useReference } from '../org/api.ts';
import { countChars, type Detail, type FileOut, LEADER_ORGANS, useOpinionSettings } from './api.ts';
import { StateTag } from './MyOpinionsPage.tsx';
import { Pill } from './Pill.tsx';

const Text = ({ children }: { children: string }) => (
  <div style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.9 }}>{children}</div>
);

export function FileLinks({ files }: { files: FileOut[] }) {
  const { message } = App.useApp();
  if (!files.length) return null;
  return (
    <Flex gap={8} wrap>
      {files.map((f) => (
        <Button
          key={f.id}
          type="link"
          icon={<PaperClipOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => download(`/api/files/${f.id}`).catch((e) => message.error(errorMessage(e)))}
        >
          {f.name}
        </Button>
      ))}
    </Flex>
  );
}

/** A modal with a form: resolves the values to `onSubmit`; the server's message shows on failure. */
function FormModal<T extends object>({
  open,
  title,
  okText = '确定',
  onClose,
  onSubmit,
  children,
  width,
  initialValues,
  draft: item,
}: {
  open: boolean;
  /** The draft's item (`opinion-edit:12`): what is typed here is kept on this device until it is saved. */
  draft: string;
  title: string;
  okText?: string;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
  width?: number;
  initialValues?: Partial<T>;
}) {
  const [form] = Form.useForm<T>();
  const draft = useFormDraft(form, open ? item : null);
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      width={width}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit(values);
          draft.clear();
          form.resetFields();
          onClose();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {draft.notice}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues as any}
        onValuesChange={draft.onValuesChange}
      >
        {children}
      </Form>
    </Modal>
  );
}

function useUploadList() {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = (
    <Upload
      fileList={files}
      accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"
      customRequest={async (opts) => {
        try {
          opts.onSuccess?.(await api.upload<FileOut>('/api/files', opts.file as File));
        } catch (err) {
          message.error(errorMessage(err));
          opts.onError?.(err as Error);
        }
      }}
      onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== 'error'))}
    >
      <Button icon={<PaperClipOutlined />}>添加附件</Button>
    </Upload>
  );
  const ids = () => files.map((f) => (f.response as FileOut | undefined)?.id).filter((x): x is number => !!x);
  return { upload, ids, clear: () => setFiles([]) };
}

type Dialog = 'screen' | 'edit' | 'forward' | 'adopt' | 'instruct' | 'refer' | null;

export function OpinionDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const settings = useOpinionSettings();
  const {
    data: d,
    error,
    isLoading,
  } = useQuery({
    queryKey: ['opinions', 'detail', id],
    queryFn: () => api.get<Detail>(`/api/opinions/${id}`),
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [screenAction, setScreenAction] = useState<{ action: string; label: string; commentRequired: boolean } | null>(
    null,
  );
  const staffOnly = d?.access === 'staff';
  const reference = useReference(!!d?.can.refer);
  const instructionFiles = useUploadList();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['opinions'] });
  const done = (text: string) => {
    message.success(text);
    return refresh();
  };
  const review = useMutation({
    mutationFn: (v: { referralId: number; decision: 'approve' | 'reject'; comment?: string }) =>
      api.post(`/api/opinions/referrals/${v.referralId}/review`, { decision: v.decision, comment: v.comment }),
    onSuccess: () => done('已审核'),
    onError: (e) => message.error(errorMessage(e)),
  });
  const [rejecting, setRejecting] = useState<number | null>(null);

  if (isLoading) return <Skeleton active />;
  if (error || !d) return <ErrorAlert error={error} />;

  const levelOptions = (settings.data?.levels ?? []).filter((l) => {
    const order = ['county', 'city', 'province', 'national'];
    return order.indexOf(l.value) >= order.indexOf(settings.data?.committee.level ?? 'county');
  });
  const screenButtons = d.actions.filter((a) => ['accept', 'decline', 'return'].includes(a.action));
  const ownerButtons = d.actions.filter((a) => ['submit', 'resubmit'].includes(a.action));

  return (
    <>
      <PageHeader
        title={d.editedTitle ?? d.title}
        back
        extra={
          <Space wrap>
            {screenButtons.map((a) => (
              <Button
                key={a.action}
                type={a.action === 'accept' ? 'primary' : 'default'}
                danger={a.action === 'decline'}
                icon={
                  a.action === 'accept' ? (
                    <CheckOutlined />
                  ) : a.action === 'return' ? (
                    <RollbackOutlined />
                  ) : (
                    <CloseOutlined />
                  )
                }
                onClick={() => {
                  setScreenAction(a);
                  setDialog('screen');
                }}
              >
                {a.label}
              </Button>
            ))}
            {d.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/opinions/${d.id}/edit`)}>
                修改
              </Button>
            )}
            {ownerButtons.map((a) => (
              <ConfirmButton
                key={a.action}
                type="primary"
                icon={<SendOutlined />}
                confirm="确定提交这条信息吗？"
                detail="提交后由社情民意工作人员筛选，不能再修改。"
                onConfirm={async () => {
                  await api.post(`/api/opinions/${d.id}/submit`);
                  await done('已提交');
                }}
              >
                {a.label}
              </ConfirmButton>
            ))}
            {d.state === 'draft' && (
              <ConfirmButton
                danger
                icon={<DeleteOutlined />}
                confirm="确定删除这份草稿吗？"
                detail="删除后无法恢复。"
                onConfirm={async () => {
                  await api.del(`/api/opinions/${d.id}`);
                  await refresh();
                  message.success('草稿已删除');
                  navigate('/opinions/mine');
                }}
              >
                删除草稿
              </ConfirmButton>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <StateTag state={d.state} label={d.stateLabel} />
        {d.fromLower && <Pill tone="purple">来自下级政协：{d.originCommitteeName}</Pill>}
        {d.source === 'proposal' && <Pill tone="blue">由提案转来</Pill>}
        {d.issue && <Pill tone="green">编入{d.issue.title}</Pill>}
      </Flex>
      {d.screenComment && ['returned', 'declined'].includes(d.state) && (
        <Alert
          type={d.state === 'declined' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={d.state === 'declined' ? '不予编报的理由' : '退回修改的意见'}
          description={d.screenComment}
        />
      )}

      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'cat', label: '类别', children: d.category },
            ...(d.access === 'unit'
              ? []
              : [
                  {
                    key: 'who',
                    label: '报送人',
                    children: `${d.submitterName}（${d.fromLower ? '下级政协' : d.submitterKindLabel}）`,
                  },
                ]),
            ...(d.originSubmitterName ? [{ key: 'ow', label: '原报送人', children: d.originSubmitterName }] : []),
            { key: 'at', label: '报送时间', children: d.submittedAt ? formatDateTime(d.submittedAt) : '未提交' },
            { key: 'n', label: '字数', children: `${d.charCount} 字` },
          ]}
        />
      </Card>

      {d.editedBody != null || d.editedTitle != null ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <Card title="原稿" style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 19 }}>
                {d.title}
              </Typography.Title>
              <Text>{d.body}</Text>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              title="编辑稿"
              style={{ height: '100%' }}
              extra={
                d.can.editText && (
                  <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                    修改编辑稿
                  </Button>
                )
              }
            >
              <Typography.Title level={2} style={{ fontSize: 19 }}>
                {d.editedTitle ?? d.title}
              </Typography.Title>
              <Text>{d.editedBody ?? d.body}</Text>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {d.editedByName ? `${d.editedByName} 编辑于 ${formatDateTime(d.editedAt)}` : ''}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      ) : (
        <Card
          title="正文"
          style={{ marginBottom: 16 }}
          extra={
            d.can.editText && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                编辑加工
              </Button>
            )
          }
        >
          <Text>{d.body}</Text>
        </Card>
      )}
      {d.files.length > 0 && (
        <Card title="附件" style={{ marginBottom: 16 }}>
          <FileLinks files={d.files} />
        </Card>
      )}

      {d.access !== 'unit' && (
        <Card
          title="采用与批示"
          style={{ marginBottom: 16 }}
          extra={
            d.can.record && (
              <Space wrap>
                <Button onClick={() => setDialog('adopt')}>记录采用</Button>
                <Button onClick={() => setDialog('instruct')}>记录批示</Button>
              </Space>
            )
          }
        >
          {!d.adoptions.length && !d.instructions.length && <Empty description="暂无采用或批示" />}
          {d.adoptions.map((a) => (
            <Flex key={`a${a.id}`} gap={8} wrap align="center" style={{ marginBottom: 12 }}>
              <Pill tone="red" large>
                {a.levelLabel}采用
              </Pill>
              <span>
                {a.adoptedBy}，{formatDate(a.adoptedOn)}
                {a.note ? `，${a.note}` : ''}
              </span>
              {a.fromCommittee && <Pill tone="purple">{a.fromCommittee}回传</Pill>}
              {staffOnly && d.can.record && !a.fromCommittee && (
                <ConfirmButton
                  size="small"
                  danger
                  confirm="确定删除这条采用记录吗？"
                  detail="仅用于更正误录；回传到下级政协的记录会一并删除。"
                  onConfirm={async () => {
                    await api.del(`/api/opinions/${d.id}/adoptions/${a.id}`);
                    await done('已删除');
                  }}
                >
                  删除
                </ConfirmButton>
              )}
            </Flex>
          ))}
          {d.instructions.map((i) => (
            <Card
              key={`i${i.id}`}
              size="small"
              style={{ marginBottom: 12, background: '#fffbe6', borderColor: '#ffe58f' }}
              title={
                <Flex gap={8} wrap align="center">
                  <Pill tone="gold">{i.levelLabel}领导批示</Pill>
                  <span>
                    {i.leaderTitle ?? ''}
                    {i.leaderName}
                  </span>
                  <Typography.Text type="secondary">{formatDate(i.instructedOn)}</Typography.Text>
                  {i.fromCommittee && <Pill tone="purple">{i.fromCommittee}回传</Pill>}
                </Flex>
              }
              extra={
                staffOnly &&
                d.can.record &&
                !i.fromCommittee && (
                  <ConfirmButton
                    size="small"
                    danger
                    confirm="确定删除这条批示记录吗？"
                    detail="仅用于更正误录；回传到下级政协的记录会一并删除。"
                    onConfirm={async () => {
                      await api.del(`/api/opinions/${d.id}/instructions/${i.id}`);
                      await done('已删除');
                    }}
                  >
                    删除
                  </ConfirmButton>
                )
              }
            >
              <Text>{i.text}</Text>
              <FileLinks files={i.files} />
            </Card>
          ))}
        </Card>
      )}

      {(d.forwards.length > 0 || d.can.forward) && (
        <Card
          title="报送情况"
          style={{ marginBottom: 16 }}
          extra={
            d.can.forward && (
              <Button icon={<SendOutlined />} onClick={() => setDialog('forward')}>
                报送
              </Button>
            )
          }
        >
          {d.forwards.length ? (
            <Flex vertical gap={6}>
              {d.forwards.map((f) => (
                <div key={f.id}>
                  {formatDate(f.forwardedOn)} 报送 <strong>{f.targetName}</strong>
                  {f.targetKind === 'higher' && '（平台报送，进入上级政协筛选）'}
                  {f.note ? `，${f.note}` : ''}
                </div>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">尚未报送</Typography.Text>
          )}
        </Card>
      )}

      {(d.referrals.length > 0 || d.can.refer) && (
        <Card
          title="转办与部门回复"
          style={{ marginBottom: 16 }}
          extra={d.can.refer && <Button onClick={() => setDialog('refer')}>转办</Button>}
        >
          {!d.referrals.length && <Typography.Text type="secondary">尚未转办</Typography.Text>}
          {d.referrals.map((f) => (
            <Card key={f.id} size="small" style={{ marginBottom: 12 }} title={`${f.unitName}（${f.stateLabel}）`}>
              {f.note && <Typography.Paragraph>转办意见：{f.note}</Typography.Paragraph>}
              {f.dueOn && staffOnly && <Typography.Paragraph>办理期限：{formatDate(f.dueOn)}</Typography.Paragraph>}
              {f.response ? (
                <>
                  <Typography.Paragraph strong style={{ marginBottom: 4 }}>
                    部门回复（{f.responderName}，{formatDateTime(f.respondedAt)}）：
                  </Typography.Paragraph>
                  <Text>{f.response}</Text>
                  <FileLinks files={f.files} />
                </>
              ) : (
                <Typography.Text type="secondary">等待承办单位回复</Typography.Text>
              )}
              {f.reviewComment && staffOnly && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  审核意见：{f.reviewComment}
                </Typography.Paragraph>
              )}
              {staffOnly && d.can.refer && f.state === 'responded' && (
                <Space wrap style={{ marginTop: 12 }}>
                  <Button
                    type="primary"
                    loading={review.isPending}
                    onClick={() => review.mutate({ referralId: f.id, decision: 'approve' })}
                  >
                    审核通过（报送人可见）
                  </Button>
                  <Button onClick={() => setRejecting(f.id)}>退回重办</Button>
                </Space>
              )}
            </Card>
          ))}
        </Card>
      )}

      {d.timeline.length > 0 && (
        <Card title="办理过程" style={{ marginBottom: 16 }}>
          <Timeline
            items={d.timeline.map((e) => ({
              key: e.id,
              content: (
                <>
                  <strong>{e.label}</strong> → {e.toStateLabel}
                  <div>
                    <Typography.Text type="secondary">
                      {e.actorName ?? '系统'} · {formatDateTime(e.createdAt)}
                    </Typography.Text>
                  </div>
                  {e.comment && <div>意见：{e.comment}</div>}
                </>
              ),
            }))}
          />
        </Card>
      )}

      <FormModal<{ comment?: string }>
        open={dialog === 'screen'}
        draft={`opinion-screen:${id}`}
        title={screenAction?.label ?? ''}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`/api/opinions/${d.id}/screen`, { decision: screenAction!.action, comment: v.comment });
          await done(`已${screenAction!.label}`);
        }}
      >
        <Form.Item
          label={
            screenAction?.action === 'decline'
              ? '不予编报的理由'
              : screenAction?.action === 'return'
                ? '修改意见'
                : '意见（可选）'
          }
          name="comment"
          rules={[
            { required: !!screenAction?.commentRequired, whitespace: true, message: '请填写理由或意见' },
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </FormModal>

      <FormModal<{ editedTitle: string; editedBody: string }>
        open={dialog === 'edit'}
        draft={`opinion-edit:${id}`}
        title="编辑加工（原稿保留）"
        width={1000}
        initialValues={{ editedTitle: d.editedTitle ?? d.title, editedBody: d.editedBody ?? d.body }}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.put(`/api/opinions/${d.id}/edited`, v);
          await done('编辑稿已保存');
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              原稿
            </Typography.Title>
            <Typography.Paragraph strong>{d.title}</Typography.Paragraph>
            <div
              style={{ whiteSpace: 'pre-wrap', maxHeight: 420, overflow: 'auto', background: '#fafafa', padding: 8 }}
            >
              {d.body}
            </div>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="编辑后标题"
              name="editedTitle"
              rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label="编辑后正文"
              name="editedBody"
              rules={[
                { required: true, whitespace: true, message: '请填写正文' },
                {
                  validator: (_, v: string) =>
                    countChars(v ?? '') > (settings.data?.maxChars ?? 1500)
                      ? Promise.reject(new Error(`不能超过 ${settings.data?.maxChars ?? 1500} 字`))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 10, maxRows: 18 }} />
            </Form.Item>
          </Col>
        </Row>
      </FormModal>

      <FormModal<{ targets: string[]; otherName?: string; note?: string }>
        open={dialog === 'forward'}
        draft={`opinion-forward:${id}`}
        title="报送"
        okText="报送"
        initialValues={{ targets: settings.data?.committee.hasParent ? ['higher'] : ['party'] }}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          const targets = v.targets.map((kind) => (kind === 'other' ? { kind, name: v.otherName } : { kind }));
          await api.post(`/api/opinions/${d.id}/forward`, { targets, note: v.note || null });
          await done('已报送');
        }}
      >
        <Form.Item label="报送对象" name="targets" rules={[{ required: true, message: '请选择报送对象' }]}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[
              ...(settings.data?.committee.hasParent && !d.forwards.some((f) => f.targetKind === 'higher')
                ? [{ value: 'higher', label: '上级政协（平台报送，进入其筛选队列）' }]
                : []),
              { value: 'party', label: '党委' },
              { value: 'government', label: '政府' },
              { value: 'other', label: '其他' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            (getFieldValue('targets') ?? []).includes('other') && (
              <Form.Item label="其他报送对象名称" name="otherName" rules={[{ required: true, message: '请填写名称' }]}>
                <Input count={{ show: true, max: 60 }} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 500 }} />
        </Form.Item>
      </FormModal>

      <FormModal<{ level: string; adoptedBy?: string; adoptedOn: dayjs.Dayjs; note?: string }>
        open={dialog === 'adopt'}
        draft={`opinion-adopt:${id}`}
        title="记录采用"
        initialValues={{ level: settings.data?.committee.level, adoptedOn: beijingToday() }}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`/api/opinions/${d.id}/adoptions`, {
            level: v.level,
            adoptedBy: v.adoptedBy || undefined,
            adoptedOn: toApiDate(v.adoptedOn),
            note: v.note || null,
          });
          await done('已记录采用');
        }}
      >
        <Form.Item label="采用级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
          <Select options={levelOptions} />
        </Form.Item>
        <Form.Item label="采用单位（可不填）" name="adoptedBy">
          <Input placeholder="例如：省政协办公厅" count={{ show: true, max: 60 }} />
        </Form.Item>
        <Form.Item label="采用日期" name="adoptedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input count={{ show: true, max: 500 }} />
        </Form.Item>
      </FormModal>

      <FormModal<{
        leaderName: string;
        leaderTitle?: string;
        leaderOrgan: string;
        level: string;
        instructedOn: dayjs.Dayjs;
        text: string;
      }>
        open={dialog === 'instruct'}
        draft={`opinion-instruct:${id}`}
        title="记录领导批示"
        initialValues={{
          level: settings.data?.committee.level,
          instructedOn: beijingToday(),
          leaderOrgan: 'government',
        }}
        onClose={() => {
          instructionFiles.clear();
          setDialog(null);
        }}
        onSubmit={async (v) => {
          await api.post(`/api/opinions/${d.id}/instructions`, {
            ...v,
            leaderTitle: v.leaderTitle || null,
            instructedOn: toApiDate(v.instructedOn),
            fileIds: instructionFiles.ids(),
          });
          instructionFiles.clear();
          await done('已记录批示');
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="批示领导"
              name="leaderName"
              rules={[{ required: true, whitespace: true, message: '请填写领导姓名' }]}
            >
              <Input count={{ show: true, max: 40 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="领导职务" name="leaderTitle">
              <Input placeholder="例如：副省长" count={{ show: true, max: 60 }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={levelOptions} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item label="领导所属" name="leaderOrgan">
              <Select options={Object.entries(LEADER_ORGANS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="批示日期" name="instructedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item
          label="批示内容"
          name="text"
          rules={[{ required: true, whitespace: true, message: '请填写批示内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
        <Form.Item label="批示件（可选）">{instructionFiles.upload}</Form.Item>
      </FormModal>

      <FormModal<{ unitId: number; note?: string; dueOn?: dayjs.Dayjs }>
        open={dialog === 'refer'}
        draft={`opinion-refer:${id}`}
        title="转办到承办单位"
        initialValues={{ dueOn: beijingToday().add(settings.data?.referralDays ?? 30, 'day') }}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          await api.post(`/api/opinions/${d.id}/referrals`, {
            unitId: v.unitId,
            note: v.note || null,
            dueOn: toApiDate(v.dueOn),
          });
          await done('已转办');
        }}
      >
        <Form.Item label="承办单位" name="unitId" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(reference.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="办理期限" name="dueOn">
          <DatePicker style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Form.Item label="转办意见" name="note">
          <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 1000 }} />
        </Form.Item>
      </FormModal>

      <FormModal<{ comment: string }>
        open={rejecting != null}
        draft={`opinion-reject:${id}:${rejecting}`}
        title="退回重办"
        onClose={() => setRejecting(null)}
        onSubmit={async (v) => {
          await review.mutateAsync({ referralId: rejecting!, decision: 'reject', comment: v.comment });
        }}
      >
        <Form.Item
          label="退回意见"
          name="comment"
          rules={[{ required: true, whitespace: true, message: '请填写退回意见' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} count={{ show: true, max: 1000 }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
