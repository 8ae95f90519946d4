// The public site's look of the shared PublicFrame: a wider column (760 px) and a heading 1.5 times the text size.
export const SITE_FRAME = { width: 760, titleSize: '1.5em' } as const;
