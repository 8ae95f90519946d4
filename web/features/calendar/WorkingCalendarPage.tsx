// The working-day calendar of a year: national holidays and 调休 (built in for the years the package covers) and the
// committee's overrides; the administrator marks a day as working or off, or clears the change.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Radio, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { beijingYear, formatDate } from '../../app/format.ts';
import { ConfirmButton, ErrorAlert, errorMessage, PageHeader } from '../../components/index.ts';
import { type CalendarDay, calendarKeys, useWorkingCalendar } from './queries.ts';

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function WorkingCalendarPage() {
  const [year, setYear] = useState(beijingYear());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ day: Dayjs; isWorkingDay: boolean; note?: string }>();
  const { data, error, isFetching } = useWorkingCalendar(year);
  const refresh = () => qc.invalidateQueries({ queryKey: calendarKeys.all });
  const save = useMutation({
    mutationFn: (v: { day: Dayjs; isWorkingDay: boolean; note?: string }) =>
      api.put(`/api/settings/working-calendar/${v.day.format('YYYY-MM-DD')}`, {
        isWorkingDay: v.isWorkingDay,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      message.success('已保存');
      form.resetFields();
      refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const years = Array.from({ length: 5 }, (_, i) => beijingYear() + 1 - i);
  return (
    <>
      <PageHeader
        title="工作日历"
        description="按工作日计算的期限（如“会前 N 个工作日”、按工作日计的办理期限）都使用本日历：国家法定节假日和调休上班日已内置，本会可以调整某一天。"
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="年度"
          style={{ width: 140 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Flex>
      <ErrorAlert error={error} />
      {data && !data.packageCovers && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${data.year}年的国家节假日安排尚未内置（已内置 ${data.packageYears.first}–${data.packageYears.last} 年）。国务院公布安排后，请在下方逐日设置放假日和调休上班日；未设置的日子按周一至周五上班计算。`}
        />
      )}
      <Form
        form={form}
        layout="inline"
        size="large"
        initialValues={{ isWorkingDay: false }}
        onFinish={(v) => save.mutate(v)}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="isWorkingDay" label="设为">
          <Radio.Group
            options={[
              { value: false, label: '休息日' },
              { value: true, label: '工作日' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input count={{ show: true, max: 100 }} placeholder="如：春节、春节调休上班" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
      <Table<CalendarDay>
        rowKey="day"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: '日期', dataIndex: 'day', render: (d) => formatDate(d) },
          { title: '星期', dataIndex: 'weekday', render: (w) => WEEKDAYS[w] },
          {
            title: '安排',
            dataIndex: 'isWorkingDay',
            render: (w) => (w ? <Tag color="#0958d9">上班</Tag> : <Tag color="#cf1322">休息</Tag>),
          },
          { title: '国家安排', dataIndex: 'name', render: (n) => n || '—' },
          {
            title: '本会调整',
            dataIndex: 'override',
            render: (o: CalendarDay['override'], r) =>
              o ? (
                <Flex gap={8} align="center" wrap>
                  <span>
                    {o.isWorkingDay ? '设为工作日' : '设为休息日'}
                    {o.note ? `（${o.note}）` : ''}
                  </span>
                  <ConfirmButton
                    size="small"
                    confirm="清除该调整，恢复国家安排？"
                    onConfirm={async () => {
                      await api.del(`/api/settings/working-calendar/${r.day}`);
                      refresh();
                    }}
                  >
                    清除
                  </ConfirmButton>
                </Flex>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
