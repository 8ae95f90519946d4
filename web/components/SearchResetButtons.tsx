// <SearchResetButtons form={form} reset={reset}>{more}</SearchResetButtons>: the 查询 (submits the filter form) and
// 重置 (clears the form's fields and the list's URL filters, useListParams' reset) buttons under a list's filter
// form, with any further buttons of the page after them.
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Flex, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

export interface SearchResetButtonsProps {
  /** The filter form whose fields 重置 clears. */
  form: FormInstance;
  /** Clears the list's filters (the third value of useListParams). */
  reset: () => void;
  /** Further buttons of the page, after 重置. */
  children?: ReactNode;
}

export function SearchResetButtons({ form, reset, children }: SearchResetButtonsProps) {
  return (
    <Flex gap={8} wrap>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
        查询
      </Button>
      <Button
        icon={<ReloadOutlined />}
        onClick={() => {
          form.resetFields();
          reset();
        }}
      >
        重置
      </Button>
      {children}
    </Flex>
  );
}
