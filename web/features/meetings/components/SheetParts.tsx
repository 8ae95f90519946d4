// What the meeting attendance sheet and the activity participant list share: the member columns (number, name,
// sector), the name-or-number search and the button that undoes a check-in after asking.
import { Input } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { CSSProperties } from 'react';
import { ConfirmButton, textColumns } from '../../../components/index.ts';

export function memberColumns<
  T extends { code: string | null; name: string; sector: string | null },
>(): ColumnType<T>[] {
  return textColumns({ code: '编号', name: '姓名', sector: '界别' });
}

export function MemberSearch({
  value,
  onSearch,
  style,
}: {
  value: string;
  onSearch: (q: string) => void;
  style?: CSSProperties;
}) {
  return (
    <Input.Search
      aria-label="姓名或编号"
      placeholder="姓名或编号"
      allowClear
      defaultValue={value}
      onSearch={onSearch}
      style={{ maxWidth: 260, ...style }}
    />
  );
}

export function UndoCheckin({
  confirm,
  detail,
  onConfirm,
}: {
  confirm: string;
  detail: string;
  onConfirm: () => Promise<unknown>;
}) {
  return (
    <ConfirmButton size="small" danger confirm={confirm} detail={detail} onConfirm={onConfirm}>
      撤销签到
    </ConfirmButton>
  );
}
