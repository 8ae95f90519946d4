// 协商议事室 register: filters (keyword, township, enabled), the list as a table or phone cards, Excel export, and for
// staff a dialog to register a room with its two conveners and members.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { api, qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ErrorAlert,
  ExportButton,
  FilterBar,
  FormDialog,
  linkColumn,
  PageHeader,
  ParamSearch,
  ParamSelect,
  pagedProps,
  ResponsiveList,
  textColumns,
  useFormDialog,
  useListParams,
} from '../../../components/index.ts';
import type { Room } from '../api.ts';
import { RoomForm } from '../components/RoomForm.tsx';
import { grassrootsKeys } from '../queries.ts';

const ACTIVE_CHOICES = { '': '全部状态', true: '启用', false: '停用' };

export function RoomsPage() {
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useListParams({ q: '', township: '', active: '' });
  const dialog = useFormDialog();
  const list = useQuery({
    queryKey: grassrootsKeys.roomList(params),
    queryFn: () => api.get<{ items: Room[]; total: number }>(`/api/grassroots/rooms${qs(params)}`),
  });
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<{ id: number }>('/api/grassroots/rooms', v),
    onSuccess: (r) => {
      message.success('已登记');
      dialog.close();
      dialog.form.resetFields();
      qc.invalidateQueries({ queryKey: grassrootsKeys.rooms });
      navigate(`/grassroots/rooms/${r.id}`);
    },
  });
  const manage = can('grassroots.manage');
  return (
    <>
      <PageHeader
        title="协商议事室"
        description="有事好商量：议事室名册、召集人、参加委员和二维码。"
        extra={
          manage && (
            <>
              <ExportButton
                url={`/api/grassroots/rooms/export${qs({ ...params, page: undefined, pageSize: undefined })}`}
              />
              <Button type="primary" onClick={dialog.show}>
                登记议事室
              </Button>
            </>
          )
        }
      />
      <FilterBar
        active={[params.township, params.active].filter(Boolean).length}
        search={
          <ParamSearch label="关键词" placeholder="名称、镇街、召集人" name="q" params={params} setParams={setParams} />
        }
      >
        <Input
          aria-label="镇（街道）"
          placeholder="镇（街道）"
          allowClear
          defaultValue={params.township}
          onBlur={(e) => setParams({ township: e.target.value })}
          style={{ width: 160 }}
        />
        <ParamSelect
          label="状态"
          width={120}
          name="active"
          params={params}
          setParams={setParams}
          labels={ACTIVE_CHOICES}
        />
      </FilterBar>
      <ErrorAlert error={list.error} />
      <ResponsiveList<Room>
        {...pagedProps(list, params, setParams)}
        unit="个"
        columns={[
          linkColumn('议事室', 'name', (r) => `/grassroots/rooms/${r.id}`),
          ...textColumns({
            township: '镇（街道）',
            village: '村（社区）',
            firstConvener: '第一召集人',
            execConvenerName: '执行召集人',
            topicCount: '议题',
            sessionCount: '协商',
          }),
          { title: '状态', dataIndex: 'active', render: (v) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
        ]}
      />
      <FormDialog title="登记协商议事室" dialog={dialog} mutation={create}>
        <RoomForm />
      </FormDialog>
    </>
  );
}
