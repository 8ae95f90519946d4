// The member profile form (create and edit) in a drawer. Phone and ID number are sent only when changed, so a masked
// value shown to the user is never written back; the ID number's check digit is checked before sending.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client.ts';
import { dayjs, toApiDate } from '../../app/format.ts';
import { ErrorAlert, useFormSave } from '../../components/index.ts';
import { compact, LEADERSHIP, type Member, PARTIES, useReference } from './api.ts';
import { orgKeys } from './queries.ts';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function idNumberProblem(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '「身份证号」应为 18 位（前 17 位为数字，末位为数字或 X）';
  const sum = W.reduce((s, w, i) => s + Number(id[i]) * w, 0);
  if ('10X98765432'[sum % 11] !== id[17]) return '「身份证号」校验位不正确';
  return null;
}

const ETHNICITIES = ['汉族', '回族', '满族', '蒙古族', '壮族', '土家族', '苗族', '维吾尔族', '藏族', '彝族', '朝鲜族'];

export function MemberForm({
  member,
  open,
  onClose,
  onSaved,
  width,
}: {
  member: Member | null;
  open: boolean;
  onClose: () => void;
  onSaved: (m: Member) => void;
  width: number | string;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data: ref } = useReference();
  const saveState = useFormSave(form);

  useEffect(() => {
    if (!open) return;
    saveState.clear();
    form.resetFields();
    if (member) {
      form.setFieldsValue({
        ...member,
        birthDate: member.birthDate ? dayjs(member.birthDate) : undefined,
        specialCommitteeIds: member.specialCommittees.map((s) => s.id),
        groupIds: member.groups.map((g) => g.id),
      });
    } else {
      form.setFieldsValue({ standingMember: false, termId: ref?.terms.find((t) => t.isCurrent)?.id });
    }
  }, [open, member, form, ref, saveState.clear]);

  const save = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = compact({
      ...v,
      birthDate: toApiDate(v.birthDate),
      standingMember: !!v.standingMember,
    });
    // Sensitive fields only when changed (a masked value must not be written back); '' clears them.
    for (const key of ['phone', 'idNumber'] as const) {
      const now = (v[key] ?? '').trim();
      const was = member?.[key] ?? '';
      if (member && now === was) delete body[key];
      else body[key] = now;
    }
    if (!member && !body.phone) delete body.phone;
    if (!member && !body.idNumber) delete body.idNumber;
    await saveState.run(async () => {
      const saved = member
        ? await api.put<Member>(`/api/org/members/${member.id}`, body)
        : await api.post<Member>('/api/org/members', body);
      message.success(member ? '委员信息已保存' : '委员已添加');
      void client.invalidateQueries({ queryKey: orgKeys.members });
      onSaved(saved);
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={width}
      title={member ? `修改委员信息：${member.name}` : '添加委员'}
      destroyOnHidden
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saveState.saving} onClick={save}>
            保存
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={saveState.error} />
      <Form form={form} layout="vertical" requiredMark>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label="姓名"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请填写「姓名」' },
                { max: 50, message: '「姓名」不能超过 50 个字符' },
              ]}
            >
              <Input count={{ show: true, max: 50 }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="性别" name="gender">
              <Select
                allowClear
                placeholder="选择"
                options={[
                  { value: '男', label: '男' },
                  { value: '女', label: '女' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item label="民族" name="ethnicity" rules={[{ max: 20, message: '「民族」不能超过 20 个字符' }]}>
              <Select
                allowClear
                showSearch
                placeholder="选择"
                options={ETHNICITIES.map((e) => ({ value: e, label: e }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="委员编号" name="code" rules={[{ max: 20, message: '「委员编号」不能超过 20 个字符' }]}>
              <Input count={{ show: true, max: 20 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="出生日期" name="birthDate">
              <DatePicker style={{ width: '100%' }} placeholder="选择日期" inputReadOnly />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="政治面貌" name="party">
              <Select allowClear placeholder="选择" options={PARTIES.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="届次" name="termId" rules={[{ required: true, message: '请选择「届次」' }]}>
              <Select options={ref?.terms.map((t) => ({ value: t.id, label: t.name }))} placeholder="选择届次" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="界别" name="sectorId" rules={[{ required: true, message: '请选择「界别」' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                placeholder="选择界别"
                options={ref?.sectors.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="专委会" name="specialCommitteeIds">
              <Select
                mode="multiple"
                allowClear
                placeholder="可多选"
                optionFilterProp="label"
                options={ref?.specialCommittees.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="学习组/工作组" name="groupIds">
              <Select
                mode="multiple"
                allowClear
                placeholder="可多选"
                optionFilterProp="label"
                options={ref?.groups.map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label="工作单位"
              name="workUnit"
              rules={[{ max: 100, message: '「工作单位」不能超过 100 个字符' }]}
            >
              <Input count={{ show: true, max: 100 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item label="职务" name="jobTitle" rules={[{ max: 50, message: '「职务」不能超过 50 个字符' }]}>
              <Input count={{ show: true, max: 50 }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="手机号"
              name="phone"
              rules={[
                {
                  validator: async (_, value: string) => {
                    const v = (value ?? '').trim();
                    if (!v || v === member?.phone) return;
                    if (!/^1[3-9]\d{9}$/.test(v)) throw new Error('「手机号」应为 11 位手机号码');
                  },
                },
              ]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="身份证号"
              name="idNumber"
              rules={[
                {
                  validator: async (_, value: string) => {
                    const v = (value ?? '').trim();
                    if (!v || v === member?.idNumber) return;
                    const p = idNumberProblem(v);
                    if (p) throw new Error(p);
                  },
                },
              ]}
            >
              <Input count={{ show: true, max: 18 }} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="领导职务" name="leadershipRole">
              <Select
                allowClear
                placeholder="无"
                options={Object.entries(LEADERSHIP).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="常委" name="standingMember" valuePropName="checked">
              <Checkbox>是政协常委</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
