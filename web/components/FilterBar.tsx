// <FilterBar active={n} search={<Input …/>}>{filters}</FilterBar>: a list's filters. On a tablet or desktop they sit in
// one card as before; on a phone (< 768 px) only the search stays in sight and the rest fold behind one 「筛选」 button
// that says how many are in use, so the first screen shows results, not five empty selects. The filters stay mounted
// while folded (a Form inside keeps its values).
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Grid } from 'antd';
import { type ReactNode, useId, useState } from 'react';

export interface FilterBarProps {
  /** How many filters (besides the search) are in use. */
  active: number;
  /** Always shown, also on a phone (e.g. the keyword search). */
  search?: ReactNode;
  /** Shown next to the 筛选 button on a phone (e.g. a 清除 button). */
  children: ReactNode;
}

export function FilterBar({ active, search, children }: FilterBarProps) {
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (screens.md !== false)
    return (
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} align="center">
          {search}
          {children}
        </Flex>
      </Card>
    );
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex gap={8} align="center">
        <div style={{ flex: 1, minWidth: 0 }}>{search}</div>
        <Badge count={active} size="small" offset={[-4, 4]}>
          <Button
            icon={<FilterOutlined />}
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((o) => !o)}
            type={open ? 'primary' : 'default'}
          >
            {active > 0 ? `筛选（${active}）` : '筛选'}
          </Button>
        </Badge>
      </Flex>
      <Card id={panelId} hidden={!open} style={{ marginTop: 8 }} styles={{ body: { padding: 12 } }}>
        <Flex vertical gap={8} className="zx-filter-panel">
          {children}
        </Flex>
      </Card>
    </div>
  );
}

/** How many of these filter values are set (for FilterBar's count). */
export function countActive(...values: unknown[]): number {
  return values.filter((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .length;
}
