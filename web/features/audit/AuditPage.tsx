// 审计日志 (administrators): who did what to which object and when, newest first, with filters by 操作人, 操作, 对象
// and 日期 kept in the URL; each row opens to show the data before and after the change.
import { MinusSquareOutlined, PlusSquareOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { ACTION_OPTIONS, actionLabel, ENTITY_OPTIONS, entityLabel } from '../../../server/platform/audit/labels.ts';
import { qs } from '../../api/client.ts';
import { dayjs, formatDateTime, toApiDate } from '../../app/format.ts';
import {
  ExportButton,
  FieldCol,
  maxChars,
  PageHeader,
  pagedProps,
  SearchResetButtons,
  TableCard,
  useListParams,
} from '../../components/index.ts';
import { ChangeView } from './ChangeView.tsx';
import { type AuditEntry, useAuditLog } from './queries.ts';

const FILTERS = { actor: '', action: '', entity: '', entityId: '', from: '', to: '' };

interface FormValues {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  dates?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
}

export function AuditPage() {
  const [params, setParams, reset] = useListParams(FILTERS);
  const [form] = Form.useForm<FormValues>();
  const { data, error, isFetching } = useAuditLog(params);

  useEffect(() => {
    form.setFieldsValue({
      actor: params.actor || undefined,
      action: params.action || undefined,
      entity: params.entity || undefined,
      entityId: params.entityId || undefined,
      dates:
        params.from || params.to
          ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null]
          : null,
    });
  }, [form, params.actor, params.action, params.entity, params.entityId, params.from, params.to]);

  const search = (v: FormValues) =>
    setParams({
      actor: v.actor?.trim() ?? '',
      action: v.action ?? '',
      entity: v.entity ?? '',
      entityId: v.entityId?.trim() ?? '',
      from: toApiDate(v.dates?.[0]) ?? '',
      to: toApiDate(v.dates?.[1]) ?? '',
    });

  return (
    <>
      <PageHeader
        title="审计日志"
        description="记录平台上所有数据变更和登录操作，按时间从新到旧排列。点击每行左侧的“+”可查看修改前后的数据。"
        extra={<ExportButton url={`/api/audit/export${qs({ ...params, page: undefined, pageSize: undefined })}`} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={search}>
          <Row gutter={16}>
            <FieldCol sm={12} lg={6} label="操作人" name="actor" rules={maxChars('操作人', 50)}>
              <Input placeholder="姓名中的字，例如 周敏" allowClear />
            </FieldCol>
            <FieldCol sm={12} lg={6} label="操作" name="action">
              <Select placeholder="全部操作" allowClear options={ACTION_OPTIONS} />
            </FieldCol>
            <FieldCol xs={12} sm={6} lg={3} label="对象" name="entity">
              <Select placeholder="全部" allowClear options={ENTITY_OPTIONS} />
            </FieldCol>
            <FieldCol xs={12} sm={6} lg={3} label="对象编号" name="entityId" rules={maxChars('对象编号', 50)}>
              <Input placeholder="例如 12" allowClear />
            </FieldCol>
            <FieldCol sm={12} lg={6} label="日期" name="dates">
              <DatePicker.RangePicker
                style={{ width: '100%' }}
                allowEmpty={[true, true]}
                placeholder={['开始日期', '结束日期']}
                inputReadOnly
              />
            </FieldCol>
          </Row>
          <SearchResetButtons form={form} reset={reset} />
        </Form>
      </Card>
      <TableCard<AuditEntry>
        error={error}
        rowKey="seq"
        {...pagedProps({ data, isFetching }, params, setParams)}
        expandable={{
          expandedRowRender: (r) => <ChangeView before={r.before} after={r.after} />,
          columnTitle: <span className="zx-visually-hidden">详情</span>,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              type="text"
              aria-expanded={expanded}
              aria-label={`${expanded ? '收起' : '查看'}第 ${record.seq} 条的修改前后`}
              icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
              style={{ width: 44, height: 44, fontSize: 18 }}
              onClick={(e) => onExpand(record, e)}
            />
          ),
        }}
        columns={[
          {
            title: '时间',
            dataIndex: 'createdAt',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
          },
          { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? '系统' },
          {
            title: '操作',
            dataIndex: 'action',
            // The code stays in the tooltip for whoever maintains the system; staff read the Chinese.
            render: (v: string, r) => <span title={v}>{r.actionText ?? actionLabel(v)}</span>,
          },
          {
            title: '对象',
            dataIndex: 'entity',
            render: (v: string, r) => {
              const kind = r.entityText ?? entityLabel(v);
              if (r.entityName) return `${kind}「${r.entityName}」`;
              return `${kind}${r.entityId ? `（编号 ${r.entityId}）` : ''}`;
            },
          },
          { title: 'IP 地址', dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
