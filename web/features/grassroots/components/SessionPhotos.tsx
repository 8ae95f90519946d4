// 现场照片 of a room consultation: staff pick photos from the phone (jpg/png, each uploaded at once like 随手拍's) and
// attach them; they show on the room's public page with the results once those are published.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography, Upload } from 'antd';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { grassrootsKeys } from '../queries.ts';

export function SessionPhotos({
  sessionId,
  photos,
  manage,
}: {
  sessionId: number;
  photos: { id: number; name: string }[];
  manage: boolean;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: async (file: File) => {
      const f = await api.upload<{ id: number }>('/api/grassroots/uploads', file);
      await api.post(`/api/grassroots/sessions/${sessionId}/photos`, { fileIds: [f.id] });
    },
    onSuccess: () => {
      message.success('照片已添加');
      qc.invalidateQueries({ queryKey: grassrootsKeys.all });
    },
  });
  return (
    <Card title="现场照片">
      <Flex wrap gap={8}>
        {photos.map((p) => (
          <img
            key={p.id}
            src={`/api/files/${p.id}`}
            alt={p.name}
            style={{ width: 120, height: 90, objectFit: 'cover' }}
          />
        ))}
        {photos.length === 0 && <Typography.Text>暂无照片</Typography.Text>}
      </Flex>
      {manage && (
        <Upload
          accept="image/jpeg,image/png"
          showUploadList={false}
          customRequest={({ file }) => add.mutate(file as File)}
        >
          <Button style={{ marginTop: 12 }} disabled={add.isPending}>
            添加照片（jpg/png，每张不超过 10 MB）
          </Button>
        </Upload>
      )}
      <ErrorAlert error={add.error} />
    </Card>
  );
}
