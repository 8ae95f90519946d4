// The staff's dialogs on one report: screen (accept, decline, return), edit the text, forward, record an adoption or
// a leader's instruction (with its scan), refer to a handling unit, send a referral back (退回重办).
import { App, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingToday, type dayjs, toApiDate } from '../../../app/format.ts';
import { choices, errorMessage, FieldCol, namedChoices, useFormDraft, validValues } from '../../../components/index.ts';
import { useReference } from '../../org/api.ts';
import { countChars, type Detail, LEADER_ORGANS, useOpinionSettings } from '../api.ts';
import type { Dialog, ScreenAction } from '../pages/OpinionDetailPage.tsx';
import { useReferralReview } from '../queries.ts';
import { useUploadList } from './useUploadList.tsx';

export function OpinionDialogs({
  d,
  dialog,
  setDialog,
  screenAction,
  rejecting,
  setRejecting,
  done,
}: {
  d: Detail;
  dialog: Dialog;
  setDialog: (dialog: Dialog) => void;
  screenAction: ScreenAction | null;
  /** The referral being sent back (退回重办), from ReferralsCard. */
  rejecting: number | null;
  setRejecting: (referralId: number | null) => void;
  done: (text: string) => Promise<unknown>;
}) {
  const id = d.id;
  const settings = useOpinionSettings();
  const reference = useReference(!!d.can.refer);
  const instructionFiles = useUploadList();
  const levelOptions = (settings.data?.levels ?? []).filter((l) => {
    const order = ['county', 'city', 'province', 'national'];
    return order.indexOf(l.value) >= order.indexOf(settings.data?.committee.level ?? 'county');
  });
  const onClose = () => setDialog(null);
  const review = useReferralReview(done);
  return (
    <>
      <FormModal<{ comment?: string }>
        open={dialog === 'screen'}
        draft={`opinion-screen:${id}`}
        title={screenAction?.label ?? ''}
        onClose={onClose}
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
        onClose={onClose}
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
        onClose={onClose}
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
        onClose={onClose}
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
          <FieldCol
            sm={12}
            label="批示领导"
            name="leaderName"
            rules={[{ required: true, whitespace: true, message: '请填写领导姓名' }]}
          >
            <Input count={{ show: true, max: 40 }} />
          </FieldCol>
          <FieldCol sm={12} label="领导职务" name="leaderTitle">
            <Input placeholder="例如：副省长" count={{ show: true, max: 60 }} />
          </FieldCol>
          <FieldCol xs={12} label="级别" name="level" rules={[{ required: true, message: '请选择级别' }]}>
            <Select options={levelOptions} />
          </FieldCol>
          <FieldCol xs={12} label="领导所属" name="leaderOrgan">
            <Select options={choices(LEADER_ORGANS)} />
          </FieldCol>
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
        onClose={onClose}
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
          <Select showSearch optionFilterProp="label" options={namedChoices(reference.data?.units)} />
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
        draft={`opinion-reject:${d.id}:${rejecting}`}
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

/** A modal with a form: resolves the values to `onSubmit`; the server's message shows on failure. */
export function FormModal<T extends object>({
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
        const values = await validValues(form);
        if (!values) return;
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
