// The member profile form (create and edit) in a drawer. Phone and ID number are sent only when changed, so a masked
// value shown to the user is never written back; the ID number's check digit is checked before sending.
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, type FormRule, Input, Row, Select } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client.ts';
import { dayjs, toApiDate } from '../../app/format.ts';
import {
  choices,
  ErrorAlert,
  FieldCol,
  maxChars,
  namedChoices,
  textRules,
  useFormSave,
  validValues,
} from '../../components/index.ts';
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

const phoneProblem = (v: string) => (/^1[3-9]\d{9}$/.test(v) ? null : '「手机号」应为 11 位手机号码');
const labelled = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/**
 * The rule of a sensitive field (phone, ID number): checked only when typed anew, so the masked value shown
 * (`was`) or an empty box passes; `problem` returns the zh_CN message of a bad value, or null.
 */
function whenChanged(was: string | null | undefined, problem: (v: string) => string | null): FormRule {
  return {
    validator: async (_, value: string) => {
      const v = (value ?? '').trim();
      if (!v || v === was) return;
      const p = problem(v);
      if (p) throw new Error(p);
    },
  };
}

/** A text field in its column: `max` characters at most (the server's limit), `sm` columns of 24 on a wide screen. */
function TextCol(f: { label: string; name: string; max: number; sm: number; required?: boolean }) {
  const rules = textRules(f.label, f.max, { unit: '个字符', trim: true, quote: 'both', optional: !f.required });
  return (
    <FieldCol sm={f.sm} label={f.label} name={f.name} rules={rules}>
      <Input count={{ show: true, max: f.max }} />
    </FieldCol>
  );
}

/** A full-width pick of several reference rows (专委会, 学习组). */
function ManyCol(f: { label: string; name: string; options: { value: number; label: string }[] | undefined }) {
  return (
    <FieldCol label={f.label} name={f.name}>
      <Select mode="multiple" allowClear placeholder="可多选" optionFilterProp="label" options={f.options} />
    </FieldCol>
  );
}

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
    const v = await validValues(form);
    if (!v) return;
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
          <TextCol label="姓名" name="name" max={50} sm={12} required />
          <FieldCol xs={12} sm={6} label="性别" name="gender">
            <Select allowClear placeholder="选择" options={labelled(['男', '女'])} />
          </FieldCol>
          <FieldCol xs={12} sm={6} label="民族" name="ethnicity" rules={maxChars('民族', 20)}>
            <Select allowClear showSearch placeholder="选择" options={labelled(ETHNICITIES)} />
          </FieldCol>
          <TextCol label="委员编号" name="code" max={20} sm={12} />
          <FieldCol sm={12} label="出生日期" name="birthDate">
            <DatePicker style={{ width: '100%' }} placeholder="选择日期" inputReadOnly />
          </FieldCol>
          <FieldCol sm={12} label="政治面貌" name="party">
            <Select allowClear placeholder="选择" options={labelled(PARTIES)} />
          </FieldCol>
          <FieldCol sm={12} label="届次" name="termId" rules={[{ required: true, message: '请选择「届次」' }]}>
            <Select options={namedChoices(ref?.terms)} placeholder="选择届次" />
          </FieldCol>
          <FieldCol sm={12} label="界别" name="sectorId" rules={[{ required: true, message: '请选择「界别」' }]}>
            <Select showSearch optionFilterProp="label" placeholder="选择界别" options={namedChoices(ref?.sectors)} />
          </FieldCol>
          <ManyCol label="专委会" name="specialCommitteeIds" options={namedChoices(ref?.specialCommittees)} />
          <ManyCol label="学习组/工作组" name="groupIds" options={namedChoices(ref?.groups)} />
          <TextCol label="工作单位" name="workUnit" max={100} sm={14} />
          <TextCol label="职务" name="jobTitle" max={50} sm={10} />
          <FieldCol sm={12} label="手机号" name="phone" rules={[whenChanged(member?.phone, phoneProblem)]}>
            <Input inputMode="tel" maxLength={11} autoComplete="off" />
          </FieldCol>
          <FieldCol sm={12} label="身份证号" name="idNumber" rules={[whenChanged(member?.idNumber, idNumberProblem)]}>
            <Input count={{ show: true, max: 18 }} autoComplete="off" />
          </FieldCol>
          <FieldCol sm={12} label="领导职务" name="leadershipRole">
            <Select allowClear placeholder="无" options={choices(LEADERSHIP)} />
          </FieldCol>
          <FieldCol sm={12} label="常委" name="standingMember" valuePropName="checked">
            <Checkbox>是政协常委</Checkbox>
          </FieldCol>
        </Row>
      </Form>
    </Drawer>
  );
}
