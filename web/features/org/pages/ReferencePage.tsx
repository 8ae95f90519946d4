// 基础数据: 届次/会议、界别、专委会、学习组/工作组 in tabs, each a RefTable.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { RefTable } from '../components/RefTable.tsx';
import { REF_CONFIGS } from '../refConfigs.ts';

export const TABS = [
  { key: 'terms', label: '届次' },
  { key: 'sessions', label: '会议' },
  { key: 'sectors', label: '界别' },
  { key: 'specialCommittees', label: '专委会' },
  { key: 'groups', label: '学习组/工作组' },
];

export function ReferencePage() {
  const { can } = useSession();
  const [search, setSearch] = useSearchParams();
  const tab = TABS.some((t) => t.key === search.get('tab')) ? search.get('tab')! : 'terms';
  return (
    <>
      <PageHeader
        title="基础数据"
        description="届次与会议、界别、专委会、学习组和工作组。设为“本届”“本次会议”的只能有一个；已被委员使用的不能删除。"
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={TABS.map((t) => ({
          key: t.key,
          label: t.label,
          children: <RefTable config={REF_CONFIGS[t.key]} canManage={can('org.manage')} />,
        }))}
      />
    </>
  );
}
