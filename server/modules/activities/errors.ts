// The activities module's errors raised in more than one place: one id, one text, one place.
import { conflict, notFound } from '../../platform/errors.ts';

/** 404 activity.not_found: no such activity in the session's committee. */
export const activityNotFound = () => notFound('activity.not_found', '活动不存在');

/** 409 activity.cancelled. */
export const activityCancelled = () => conflict('activity.cancelled', '活动已取消');

/** 409 activity.not_open: check-in after the activity ended or was cancelled. */
export const activityNotOpen = () => conflict('activity.not_open', '活动已结束或已取消，不能签到');
