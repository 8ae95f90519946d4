import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/harness.ts';

const t = testAppForFile({ member: 'member030', other: 'member031' }, { UPLOAD_MAX_MB: '1' });

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('attachments', () => {
  it('stores an allowed file once by content and lets only the uploader download an unattached file', async () => {
    const res = await t.member.upload('/api/files', '调研报告.pdf', pdf);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '调研报告.pdf', mime: 'application/pdf', size: pdf.length });
    const again = await t.member.upload('/api/files', '副本.pdf', pdf);
    expect(again.body.id).not.toBe(res.body.id);
    const dl = await t.member.get(`/api/files/${res.body.id}`);
    expect(dl.status).toBe(200);
    expect(dl.raw.equals(pdf)).toBe(true);
    expect(String(dl.headers['content-disposition'])).toContain(encodeURIComponent('调研报告.pdf'));
    expect((await t.other.get(`/api/files/${res.body.id}`)).status).toBe(403);
  });

  it('rejects a disallowed type, content that does not match its extension, and a file over the limit', async () => {
    const exe = await t.member.upload('/api/files', 'setup.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.status).toBe(400);
    expect(exe.body.error).toBe('file.bad_type');
    const fake = await t.member.upload('/api/files', '照片.png', pdf);
    expect(fake.status).toBe(400);
    expect(fake.body.error).toBe('file.bad_content');
    const big = await t.member.upload('/api/files', '大文件.pdf', Buffer.concat([pdf, Buffer.alloc(1024 * 1024 + 10)]));
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ error: 'file.too_large', message: '文件不能超过 1 MB' });
  });
});
