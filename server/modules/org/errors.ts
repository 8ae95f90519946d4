// The org module's errors that other modules raise too: one id, one meaning, one place.
import { badRequest, notFound } from '../../platform/errors.ts';

/** 404 member.not_found: no member with that id in the session's committee. */
export const memberNotFound = () => notFound('member.not_found', '委员不存在');

/** 404 import.not_found: no such roster import in the session's committee. */
export const importNotFound = () => notFound('import.not_found', '导入记录不存在');

/** 400 member.term: the chosen 届次 is not the committee's. */
export const termNotFound = () => badRequest('member.term', '所选「届次」不存在', 'termId');

/** 400 file.missing: a roster import without its Excel file. */
export const rosterFileMissing = () => badRequest('file.missing', '请选择要上传的 Excel 文件', 'file');
