// The learning rules a committee sets (DOMAIN.md: every number a default the committee can change): upload limits per
// kind of material (video far above the platform's attachment limit) and the progress that counts as finished.
import { beijingYearOf } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { FILE_TYPES, type FileType, MEDIA_TYPES } from '../../platform/files/files.ts';
import { getSetting } from '../../platform/settings/settings.ts';
import type { LearningSettings } from './schemas.ts';

export const LEARNING_SETTINGS_KEY = 'learning.settings';
export const DEFAULT_LEARNING_SETTINGS: LearningSettings = {
  videoMaxMb: 500,
  audioMaxMb: 100,
  documentMaxMb: 30,
  videoTypes: ['mp4', 'webm'],
  audioTypes: ['mp3', 'm4a'],
  // a video or audio counts as finished at 95 % of its length (issue 16), a document when the member says so
  finishPercent: 95,
};

export const learningSettings = (db: Db, committeeId: number, year = beijingYearOf()) =>
  getSetting(db, committeeId, LEARNING_SETTINGS_KEY, year, DEFAULT_LEARNING_SETTINGS);

const pick = (from: Record<string, FileType>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => from[k]).map((k) => [k, from[k]]));

/** The file types and size limit of an upload for one kind of material. */
export function uploadRule(s: LearningSettings, kind: string): { types: Record<string, FileType>; maxBytes: number } {
  const mb = 1024 * 1024;
  if (kind === 'video') return { types: pick(MEDIA_TYPES, s.videoTypes), maxBytes: s.videoMaxMb * mb };
  if (kind === 'audio') return { types: pick(MEDIA_TYPES, s.audioTypes), maxBytes: s.audioMaxMb * mb };
  if (kind === 'pdf') return { types: pick(FILE_TYPES, ['pdf']), maxBytes: s.documentMaxMb * mb };
  return { types: pick(FILE_TYPES, ['doc', 'docx', 'pdf']), maxBytes: s.documentMaxMb * mb };
}

/** Whether a stored file's MIME type fits a material kind (the file was checked by content at upload). */
export function mimeFits(kind: string, mime: string): boolean {
  if (kind === 'video') return mime.startsWith('video/');
  if (kind === 'audio') return mime.startsWith('audio/');
  if (kind === 'pdf') return mime === 'application/pdf';
  return mime === FILE_TYPES.doc.mime || mime === FILE_TYPES.docx.mime || mime === FILE_TYPES.pdf.mime;
}
