// The Ant Design theme: larger text and controls for older members, colours dark enough for WCAG AA contrast.
import type { ThemeConfig } from 'antd';

export const PRIMARY = '#a8071a';

export const theme: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: PRIMARY,
    colorLink: PRIMARY,
    colorInfo: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    fontSize: 16,
    fontSizeSM: 14,
    fontSizeLG: 18,
    fontSizeHeading1: 28,
    fontSizeHeading2: 24,
    fontSizeHeading3: 20,
    fontSizeHeading4: 18,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    borderRadius: 6,
    // Ant Design's grey texts are too light for older eyes (and fail contrast checks); darken them.
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, sans-serif",
  },
  components: {
    Menu: { itemHeight: 48, fontSize: 16, groupTitleFontSize: 14 },
    Table: { cellPaddingBlock: 12 },
    Layout: { headerHeight: 64, headerPadding: '0 16px', headerBg: PRIMARY, siderBg: '#ffffff', bodyBg: '#f5f5f5' },
    Pagination: { itemSize: 40 },
    Badge: { textFontSize: 13, indicatorHeight: 22 },
  },
};
