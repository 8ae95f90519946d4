// Staff's learning desk: materials (upload within the committee's limits, publish, withdraw), reflections waiting for
// review, and the year's completion by member, sector or special committee with its Excel.

import { Tabs } from 'antd';
import { PageHeader } from '../../../components/index.ts';
import { CompletionTab } from '../components/CompletionTab.tsx';
import { MaterialsTab } from '../components/MaterialsTab.tsx';
import { ReviewTab } from '../components/ReviewTab.tsx';

export function ManagePage() {
  return (
    <>
      <PageHeader title="学习管理" description="学习资料发布、心得审核和学习完成情况。" />
      <Tabs
        items={[
          { key: 'materials', label: '学习资料', children: <MaterialsTab /> },
          { key: 'review', label: '心得审核', children: <ReviewTab /> },
          { key: 'completion', label: '完成情况', children: <CompletionTab /> },
        ]}
      />
    </>
  );
}
