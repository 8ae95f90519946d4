// Opinion reports' commands and reads, by what they do: writing and screening (report-service), bulletin issues,
// forwarding, adoptions and instructions (record-service), referrals, the detail and the lists.
export * from './detail.ts';
export * from './forward-service.ts';
export * from './issue-service.ts';
export * from './list-service.ts';
export * from './record-service.ts';
export * from './referral-service.ts';
export * from './report-service.ts';
