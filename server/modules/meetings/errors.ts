// The meetings module's errors raised in more than one place: one id, one text, one place.
import { conflict, notFound } from '../../platform/errors.ts';

/** 404 meeting.not_found: no such meeting in the session's committee. */
export const meetingNotFound = () => notFound('meeting.not_found', '会议不存在');

/** 404 meeting.invitee_not_found: the member is not on the meeting's list. */
export const inviteeNotFound = () => notFound('meeting.invitee_not_found', '该委员不在参会名单中');

/** 409 meeting.cancelled. */
export const meetingCancelled = () => conflict('meeting.cancelled', '会议已取消');

/** 409 meeting.not_open: check-in after the meeting ended or was cancelled. */
export const meetingNotOpen = () => conflict('meeting.not_open', '会议已结束或已取消，不能签到');
