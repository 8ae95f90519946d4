// 委员管理: search by any word of name, unit, title or sector; filters kept in the URL; a table that scrolls sideways on a
// phone; a detail drawer with the full profile; add/edit, status change with date and reason; Excel export of the
// filtered list; the roster import wizard.
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Grid, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  choices,
  FieldCol,
  namedChoices,
  PageHeader,
  pagedProps,
  SearchResetButtons,
  TableCard,
  useListParams,
} from '../../../components/index.ts';
import { compact, LEADERSHIP, MEMBER_STATUS, type Member, PARTIES, useReference } from '../api.ts';
import { MemberDetail, workUnitTitle } from '../components/MemberDetail.tsx';
import { StatusModal, StatusTag } from '../components/MemberStatus.tsx';
import { ImportWizard } from '../ImportWizard.tsx';
import { MemberForm } from '../MemberForm.tsx';
import { orgKeys } from '../queries.ts';
import { MemberExportButton, RevealValue } from '../SensitiveParts.tsx';
import { ToneTag } from '../ToneTag.tsx';

export const FILTERS = {
  q: '',
  termId: '',
  sectorId: '',
  specialCommitteeId: '',
  groupId: '',
  standingMember: '',
  leadershipRole: '',
  status: '',
  gender: '',
  party: '',
  sort: '',
  order: '',
};

export function MembersPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const drawerWidth = mobile ? '100%' : 640;
  const canManage = can('org.manage');
  const { data: ref } = useReference();
  const [params, setParams, reset] = useListParams(FILTERS);
  const [form] = Form.useForm();
  const [detailId, setDetailId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<Member | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  useEffect(() => {
    const values: Record<string, unknown> = {};
    for (const k of Object.keys(FILTERS)) {
      const v = params[k as keyof typeof FILTERS];
      values[k] = v === '' ? undefined : /Id$/.test(k) ? Number(v) : v;
    }
    form.setFieldsValue(values);
  }, [form, params]);

  const apiParams = compact({ ...params });
  const { data, error, isFetching } = useQuery({
    queryKey: orgKeys.memberList(apiParams),
    queryFn: () => api.get<{ items: Member[]; total: number }>(`/api/org/members${qs(apiParams)}`),
    placeholderData: keepPreviousData,
  });
  const filterParams = compact({ ...params, page: undefined, pageSize: undefined });

  // On a phone only the search box and 界别 show until 更多筛选 is opened (values stay in the form either way).
  const [moreOpen, setMoreOpen] = useState(false);
  const hiddenActive = Object.keys(FILTERS).filter(
    (k) => k !== 'q' && k !== 'sectorId' && params[k as keyof typeof FILTERS] !== '',
  ).length;
  const select = (name: keyof typeof FILTERS, label: string, options: { value: string | number; label: string }[]) => (
    <Col xs={12} sm={8} lg={4} style={mobile && !moreOpen && name !== 'sectorId' ? { display: 'none' } : undefined}>
      <Form.Item label={label} name={name}>
        <Select allowClear placeholder="全部" options={options} showSearch optionFilterProp="label" />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <PageHeader
        title="委员管理"
        description="按姓名（也可输入拼音或首字母，如 zs）、委员编号、账号、单位、职务或界别搜索；点击姓名查看详情。"
        extra={
          <>
            <MemberExportButton params={filterParams} />
            {canManage && (
              <>
                <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)}>
                  导入名册
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  添加委员
                </Button>
              </>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => {
            const patch: Record<string, string> = {};
            for (const k of Object.keys(FILTERS)) patch[k] = v[k] === undefined || v[k] === null ? '' : String(v[k]);
            setParams(patch as typeof FILTERS);
          }}
        >
          <Row gutter={16}>
            <FieldCol lg={8} label="搜索委员" name="q">
              <Input.Search
                placeholder="姓名、拼音首字母、委员编号、账号、单位或界别"
                allowClear
                maxLength={50}
                enterButton="搜索"
                onSearch={() => form.submit()}
                aria-label="搜索委员"
              />
            </FieldCol>
            {select('sectorId', '界别', namedChoices(ref?.sectors))}
            {select('specialCommitteeId', '专委会', namedChoices(ref?.specialCommittees))}
            {select('groupId', '学习组/工作组', namedChoices(ref?.groups))}
            {select(
              'status',
              '状态',
              Object.entries(MEMBER_STATUS).map(([value, s]) => ({ value, label: s.label })),
            )}
            {select('standingMember', '常委', [
              { value: 'true', label: '常委' },
              { value: 'false', label: '非常委' },
            ])}
            {select('leadershipRole', '领导职务', [{ value: 'any', label: '主席会议成员' }, ...choices(LEADERSHIP)])}
            {select('gender', '性别', [
              { value: '男', label: '男' },
              { value: '女', label: '女' },
            ])}
            {select(
              'party',
              '政治面貌',
              PARTIES.map((p) => ({ value: p, label: p })),
            )}
            {select('termId', '届次', namedChoices(ref?.terms))}
            {select('sort', '排序', [
              { value: 'code', label: '按编号' },
              { value: 'name', label: '按姓名' },
              { value: 'sector', label: '按界别' },
              { value: 'birthDate', label: '按出生日期' },
              { value: 'updatedAt', label: '按修改时间' },
            ])}
          </Row>
          <SearchResetButtons form={form} reset={reset}>
            {mobile && (
              <Button type="link" onClick={() => setMoreOpen((o) => !o)} aria-expanded={moreOpen}>
                {moreOpen ? '收起筛选' : `更多筛选${hiddenActive ? `（已选 ${hiddenActive} 项）` : ''}`}
              </Button>
            )}
          </SearchResetButtons>
        </Form>
      </Card>
      <TableCard<Member>
        error={error}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          {
            title: '姓名',
            key: 'name',
            fixed: 'left',
            render: (_, m) => (
              <Button type="link" style={{ padding: 0, fontSize: 16 }} onClick={() => setDetailId(m.id)}>
                {m.name}
              </Button>
            ),
          },
          { title: '性别', dataIndex: 'gender', render: (v) => v ?? '—' },
          { title: '界别', dataIndex: 'sectorName', render: (v) => v ?? '—' },
          { title: '工作单位及职务', key: 'work', render: (_, m) => workUnitTitle(m) },
          {
            title: '专委会',
            key: 'sc',
            render: (_, m) => m.specialCommittees.map((s) => s.name).join('、') || '—',
          },
          {
            title: '手机号',
            dataIndex: 'phone',
            render: (v, m) => <RevealValue key={m.id} memberId={m.id} memberName={m.name} field="phone" masked={v} />,
          },
          {
            title: '常委/职务',
            key: 'roles',
            render: (_, m) => (
              <Flex gap={4} wrap>
                {m.leadershipRole && <ToneTag tone="red">{LEADERSHIP[m.leadershipRole]}</ToneTag>}
                {m.standingMember && <ToneTag tone="blue">常委</ToneTag>}
                {!m.leadershipRole && !m.standingMember && '—'}
              </Flex>
            ),
          },
          { title: '状态', dataIndex: 'status', render: (v) => <StatusTag status={v} /> },
        ]}
      />
      <MemberDetail
        id={detailId}
        onClose={() => setDetailId(null)}
        onEdit={(m) => setEditing(m)}
        onStatus={(m) => setStatusOf(m)}
        canManage={canManage}
        width={drawerWidth}
      />
      <MemberForm
        open={editing !== null}
        member={editing === 'new' ? null : editing}
        width={drawerWidth}
        onClose={() => setEditing(null)}
        onSaved={(m) => {
          setEditing(null);
          void client.invalidateQueries({ queryKey: orgKeys.members });
          setDetailId(m.id);
        }}
      />
      <StatusModal
        member={statusOf}
        onClose={(changed) => {
          setStatusOf(null);
          if (changed) {
            message.success(`已变更为「${MEMBER_STATUS[changed.status].label}」`);
            void client.invalidateQueries({ queryKey: orgKeys.members });
          }
        }}
      />
      <ImportWizard open={importOpen} onClose={() => setImportOpen(false)} width={mobile ? 360 : 760} />
    </>
  );
}
