// The ONE module that computes dates: Beijing calendar days ('YYYY-MM-DD' strings) and instants (Date), deadlines,
// and the working-day calendar (chinese-days data + per-committee overrides). See docs/decisions/0007-beijing-dates.md.
export * from './dates/beijing.ts';
export * from './dates/working-days.ts';
