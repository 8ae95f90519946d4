// Checks an .xlsx (a zip) before anything inflates it: the central directory's declared sizes must fit the budget, and
// each entry is then inflated once with a hard output cap, so a zip bomb or an archive that lies about its sizes is
// refused with a few hundred kilobytes of work instead of gigabytes of memory.
import zlib from 'node:zlib';
import { badRequest } from '../errors.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 2000;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
/** 400 import.bad_file: the upload is not a readable .xlsx workbook. */
export const notXlsx = () =>
  badRequest('import.bad_file', '无法读取文件，请上传 .xlsx 格式的 Excel 文件（可先下载模板）', 'file');

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

function centralDirectory(buf: Buffer): Entry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // Zip64 markers: no roster needs an archive that large.
  if (count === 0xffff || cdOffset === 0xffffffff) throw badRequest('import.too_big', '文件过大，请分批导入', 'file');
  if (count > MAX_ENTRIES) throw notXlsx();
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw notXlsx();
    const nameLen = buf.readUInt16LE(p + 28);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Refuses (400, nothing stored) an archive whose content would exceed maxUncompressed bytes, declared or real. */
export function assertZipWithinBudget(buf: Buffer, maxUncompressed: number): void {
  if (buf.length < 22) throw notXlsx();
  const entries = centralDirectory(buf);
  const tooBig = () =>
    badRequest(
      'import.too_big',
      `文件解压后超过 ${mb(maxUncompressed)}（可能含有超长内容或是异常文件），请检查后重新上传`,
      'file',
    );
  const declared = entries.reduce((s, e) => s + e.size, 0);
  if (declared > maxUncompressed) throw tooBig();
  // Declared sizes can lie: inflate each entry with its declared size as a hard cap (the data is dropped at once).
  for (const e of entries) {
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL) throw notXlsx();
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    const data = buf.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size) throw tooBig();
    } else if (e.method === 8) {
      try {
        zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        throw notXlsx();
      }
    } else throw notXlsx();
  }
}
