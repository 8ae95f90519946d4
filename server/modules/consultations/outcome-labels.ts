// Chinese labels of an outcome's targets, adoption and transformation: plain data with no server imports, so the web
// bundle can import them without pulling in the database client.
export const SUBMIT_TARGETS = { party: '党委', government: '政府' } as const;
export const ADOPTION = { adopted: '采纳', partly: '部分采纳', notAdopted: '未采纳' } as const;
export const TRANSFORMATION = { policy: '政策文件', plan: '规划计划', money: '资金投入', project: '项目实施' } as const;
export { LEADER_ORGANS, LEVELS } from '../opinions/rules.ts';
