// <PageHeader title="提案列表" extra={<Button/>} description="…" back />: the page's h1, actions on the right (they wrap
// under the title on a phone), an optional back button, and the browser tab title.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useNavigate } from 'react-router-dom';

export interface PageHeaderProps {
  title: string;
  /** Buttons or links shown beside the title. */
  extra?: ReactNode;
  /** One plain sentence under the title. */
  description?: ReactNode;
  /** Show a 返回 button that goes back in history (or to this path when given as a string). */
  back?: boolean | string;
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - 数字政协履职平台`;
  }, [title]);
}

export function PageHeader({ title, extra, description, back }: PageHeaderProps) {
  usePageTitle(title);
  const navigate = useNavigate();
  return (
    <div style={{ marginBottom: 16 }}>
      {back && (
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => (typeof back === 'string' ? navigate(back) : navigate(-1))}
        >
          返回
        </Button>
      )}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {title}
        </Typography.Title>
        {extra && (
          <Flex wrap gap={8}>
            {extra}
          </Flex>
        )}
      </Flex>
      {description && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {description}
        </Typography.Paragraph>
      )}
    </div>
  );
}
