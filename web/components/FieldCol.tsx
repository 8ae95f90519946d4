// One field of a form laid out on a <Row> grid: the Col and its Form.Item in one element.
// <FieldCol label="出生日期" name="birthDate" sm={12}><DatePicker … /></FieldCol> — full width on a phone (xs 24)
// unless `xs` says otherwise; every other prop (name, label, rules, valuePropName, extra…) goes to the Form.Item.
import { Col, type ColProps, Form, type FormItemProps } from 'antd';

/** Col spans (xs, sm, md, lg: of 24) and the Form.Item's props; `children` is the input. */
export function FieldCol({
  xs = 24,
  sm,
  md,
  lg,
  children,
  ...item
}: FormItemProps & Pick<ColProps, 'sm' | 'md' | 'lg'> & { xs?: ColProps['xs'] }) {
  return (
    <Col xs={xs} sm={sm} md={md} lg={lg}>
      <Form.Item {...item}>{children}</Form.Item>
    </Col>
  );
}
