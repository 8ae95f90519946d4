// 协商议事室 register: filters (keyword, township, enabled), the list as a table or phone cards, Excel export, and for
// staff a dialog to register a room with its two conveners and members.
import { Button, Input, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { qs } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ExportButton,
  FilterBar,
  FormDialog,
  PageHeader,
  ParamSearch,
  ParamSelect,
  useListParams,
} from '../../../components/index.ts';
import type { Room } from '../api.ts';
import { PlaceList, usePlaceRegister } from '../components/PlaceRegister.tsx';
import { RoomForm } from '../components/RoomForm.tsx';

const ACTIVE_CHOICES = { '': '全部状态', true: '启用', false: '停用' };

export function RoomsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useListParams({ q: '', township: '', active: '' });
  const reg = usePlaceRegister<Room>('rooms', params, setParams, (r) => navigate(`/grassroots/rooms/${r.id}`));
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
              <Button type="primary" onClick={reg.dialog.show}>
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
      <PlaceList<Room>
        reg={reg}
        noun="议事室"
        fields={{
          township: '镇（街道）',
          village: '村（社区）',
          firstConvener: '第一召集人',
          execConvenerName: '执行召集人',
          topicCount: '议题',
          sessionCount: '协商',
        }}
        more={[
          { title: '状态', dataIndex: 'active', render: (v) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
        ]}
      />
      <FormDialog title="登记协商议事室" dialog={reg.dialog} mutation={reg.create}>
        <RoomForm />
      </FormDialog>
    </>
  );
}
