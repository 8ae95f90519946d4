// 委员工作室: the register (kind filter, phone cards), a dialog for staff to register one, and one studio's page with
// its QR code, members and micro suggestions.
import { Button, Form, Input, Select } from 'antd';
import { useSession } from '../../../app/session.tsx';
import { FilterBar, FormDialog, PageHeader, ParamSearch, useListParams } from '../../../components/index.ts';
import type { Studio } from '../api.ts';
import { PlaceMemberFields } from '../components/PlaceMemberFields.tsx';
import { PlaceList, usePlaceRegister } from '../components/PlaceRegister.tsx';

const KINDS = [
  { value: 'township', label: '镇街委员工作室' },
  { value: 'park', label: '园区委员工作室' },
  { value: 'sector', label: '界别委员工作室' },
  { value: 'personal', label: '个人委员工作室' },
];

export function StudiosPage() {
  const { can } = useSession();
  const [params, setParams] = useListParams({ q: '', kind: '' });
  const reg = usePlaceRegister<Studio>('studios', params, setParams);
  return (
    <>
      <PageHeader
        title="委员工作室"
        description="镇街、园区、界别和个人委员工作室，入驻委员和微建议。"
        extra={
          can('grassroots.manage') && (
            <Button type="primary" onClick={reg.dialog.show}>
              登记工作室
            </Button>
          )
        }
      />
      <FilterBar
        active={params.kind ? 1 : 0}
        search={<ParamSearch label="关键词" placeholder="名称、地址" name="q" params={params} setParams={setParams} />}
      >
        <Select
          aria-label="工作室类型"
          value={params.kind}
          onChange={(kind) => setParams({ kind })}
          style={{ width: 180 }}
          options={[{ value: '', label: '全部类型' }, ...KINDS]}
        />
      </FilterBar>
      <PlaceList<Studio>
        reg={reg}
        noun="工作室"
        fields={{ kindLabel: '类型', leaderName: '负责人', memberCount: '入驻委员', suggestionCount: '微建议' }}
      />
      <FormDialog title="登记委员工作室" dialog={reg.dialog} mutation={reg.create} initialValues={{ kind: 'township' }}>
        <Form.Item name="name" label="工作室名称" rules={[{ required: true, message: '请填写工作室名称' }]}>
          <Input count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select options={KINDS} />
        </Form.Item>
        <Form.Item name="place" label="地址">
          <Input />
        </Form.Item>
        <PlaceMemberFields lead="leaderMemberId" leadLabel="负责人" membersLabel="入驻委员" />
      </FormDialog>
    </>
  );
}
