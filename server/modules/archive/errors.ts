// Named error factories of the archive module: stable ids, Chinese messages, the field they concern.
import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const topicNotFound = () => notFound('archive.topic_not_found', '征集选题不存在');
export const articleNotFound = () => notFound('archive.article_not_found', '文史稿件不存在');
export const volumeNotFound = () => notFound('archive.volume_not_found', '文史资料辑不存在');
export const versionNotFound = () => notFound('archive.version_not_found', '该版本不存在');
export const noConsent = () =>
  badRequest('archive.consent', '请阅读并同意「授权政协编辑出版本稿件」后再提交', 'consent');
export const badTopic = () => badRequest('archive.topic', '所选征集选题不存在或未发布', 'topicId');
export const badVolume = () => badRequest('archive.volume', '请选择尚未出版的一辑', 'volumeId');
export const volumeExists = () => conflict('archive.volume_exists', '该辑号已存在');
export const notEditable = () => conflict('archive.not_editable', '稿件当前状态不能修改');
export const notEditing = () => conflict('archive.not_editing', '稿件采用后、校对前才能编辑');
export const noEdit = () => conflict('archive.no_edit', '请先保存编辑稿，再提交校对');
export const emptyVolume = () => conflict('archive.empty_volume', '本辑还没有编入稿件，不能出版');
export const villageNotFound = () => notFound('archive.village_not_found', '村史项目不存在');
export const badVillage = () => badRequest('archive.village', '所选村史项目不存在', 'villageId');
export const villageExists = () => conflict('archive.village_exists', '该乡镇（街道）的这个村（社区）已有村史项目');
export const villageNoPublishedOn = () =>
  badRequest('archive.village_published_on', '项目状态为「已出版」时请填写「出版日期」', 'publishedOn');
