// 我的随手拍 (a member): the items they filed, and the button to file a new one.
import { CameraOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/index.ts';
import { ReportList } from '../components/ReportList.tsx';

export function MyReportsPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="我的随手拍"
        extra={
          <Button type="primary" icon={<CameraOutlined />} onClick={() => navigate('/supervision/new')}>
            随手拍
          </Button>
        }
      />
      <ReportList scope="mine" />
    </>
  );
}
