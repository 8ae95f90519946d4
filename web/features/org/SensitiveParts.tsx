// Phones and ID numbers arrive masked; these parts let allowed staff 「查看」 one value (an audited request) and choose
// explicitly, in the export dialog, to include the full numbers in the members workbook.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, download, qs } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { errorMessage } from '../../components/ErrorAlert.tsx';

const FIELD_LABEL = { phone: '手机号', idNumber: '身份证号' } as const;

/** A masked value with a 「查看」 button for roles allowed to see it in full; the full value is not kept once closed. */
export function RevealValue({
  memberId,
  memberName,
  field,
  masked,
}: {
  memberId: number;
  memberName: string;
  field: 'phone' | 'idNumber';
  masked: string | null;
}) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [value, setValue] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!masked) return <>—</>;
  if (value !== null) return <Typography.Text copyable>{value}</Typography.Text>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {masked}
      {can('member.sensitive.read') && (
        <Button
          type="link"
          size="small"
          loading={busy}
          aria-label={`查看${memberName}的完整${FIELD_LABEL[field]}`}
          onClick={async (e) => {
            e.stopPropagation();
            setBusy(true);
            try {
              const res = await api.post<{ value: string | null }>(`/api/org/members/${memberId}/reveal`, { field });
              setValue(res.value ?? '—');
            } catch (err) {
              message.error(errorMessage(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          查看
        </Button>
      )}
    </span>
  );
}

/** 导出名册: masked by default; allowed roles may tick the box to include full numbers (recorded in the audit log). */
export function MemberExportButton({ params }: { params: Record<string, unknown> }) {
  const { can } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [sensitive, setSensitive] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (withSensitive: boolean) => {
    setBusy(true);
    try {
      await download(`/api/org/members/export${qs({ ...params, sensitive: withSensitive || undefined })}`);
      setOpen(false);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const allowed = can('member.sensitive.read');
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy && !open}
        onClick={() => {
          if (!allowed) return run(false);
          setSensitive(false);
          setOpen(true);
        }}
      >
        导出名册
      </Button>
      <Modal
        open={open}
        title="导出委员名册"
        okText="导出"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => run(sensitive)}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <p>按当前筛选条件导出。手机号和身份证号默认脱敏（如 138****1234）。</p>
        <Checkbox checked={sensitive} onChange={(e) => setSensitive(e.target.checked)}>
          包含完整的手机号和身份证号（本次导出将记入审计日志）
        </Checkbox>
      </Modal>
    </>
  );
}
