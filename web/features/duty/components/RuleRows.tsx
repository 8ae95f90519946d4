// One editable list of the rule form (categories, grades, the checklist): a row per entry with its delete button
// and an add button below. Codes of new rows are generated here (newKey), never typed by staff.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, type ColProps, Form, type FormListFieldData, Input, Row } from 'antd';
import type { ReactNode } from 'react';

/** A code for a new row that no row of the list has yet (cat1, cat2 …): codes are made here, never typed by staff. */
export function newKey(prefix: string, rows: { key?: string }[] | undefined): string {
  const taken = new Set((rows ?? []).map((r) => r?.key));
  let n = (rows ?? []).length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function RuleRows({
  name,
  keyPrefix,
  newRow,
  addLabel,
  removeLabel,
  removeCol = { xs: 2 },
  maxRows,
  children,
}: {
  name: string;
  /** Rows carry a hidden generated code (`key`) starting with this. */
  keyPrefix?: string;
  newRow?: object;
  addLabel: string;
  removeLabel: string;
  removeCol?: ColProps;
  maxRows?: number;
  children: (field: FormListFieldData, index: number, count: number) => ReactNode;
}) {
  const form = Form.useFormInstance();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row gutter={12} key={f.key} align="bottom">
              {keyPrefix && (
                <Form.Item name={[f.name, 'key']} hidden>
                  <Input />
                </Form.Item>
              )}
              {children(f, i, fields.length)}
              <Col {...removeCol}>
                <Form.Item>
                  <Button aria-label={removeLabel} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button
            icon={<PlusOutlined />}
            disabled={maxRows !== undefined && fields.length >= maxRows}
            onClick={() => add(keyPrefix ? { key: newKey(keyPrefix, form.getFieldValue(name)), ...newRow } : newRow)}
          >
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * One field of a rule row: a Col `xs`/`md` wide holding the Form.Item at `name` (a key, or a path such as
 * ['detail', k]) under the list row `field`; `required` is the message shown when it is left empty.
 * `<RuleField field={f} name="cap" xs={10} md={5} label="上限（空为不限）"><InputNumber /></RuleField>`
 */
export function RuleField({
  field,
  name,
  xs,
  md,
  label,
  required,
  children,
}: {
  field: FormListFieldData;
  name: string | string[];
  xs: number;
  md: number;
  label: ReactNode;
  required?: string;
  children: ReactNode;
}) {
  return (
    <Col xs={xs} md={md}>
      <Form.Item
        name={[field.name, ...(Array.isArray(name) ? name : [name])]}
        label={label}
        rules={required ? [{ required: true, message: required }] : undefined}
      >
        {children}
      </Form.Item>
    </Col>
  );
}
