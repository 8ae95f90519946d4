// 字号 (适老化, issue 12): 标准 / 大 / 特大, chosen in the user menu and remembered per account on this device (the
// login page uses the last choice made here). Scales every page: antd's size tokens through a nested ConfigProvider,
// and --zx-font-size / the root font size for our own CSS, so new pages follow without doing anything.
import { ConfigProvider, type ThemeConfig } from 'antd';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useSession } from './session.tsx';
import { TEXT_SIZE_LAST as LAST, readTextSize, type TextSize, textScale, textSizeKey } from './textSizes.ts';
import { theme as base } from './theme.ts';

export { TEXT_SIZES, type TextSize } from './textSizes.ts';

function keyFor(me: { committee: { id: number }; account: { id: number } } | null) {
  return me ? textSizeKey(me.committee.id, me.account.id) : LAST;
}

const SIZE_TOKENS = [
  'fontSize',
  'fontSizeSM',
  'fontSizeLG',
  'fontSizeHeading1',
  'fontSizeHeading2',
  'fontSizeHeading3',
  'fontSizeHeading4',
  'controlHeight',
  'controlHeightSM',
  'controlHeightLG',
] as const;

function scaled(scale: number): ThemeConfig {
  const token: Record<string, number> = {};
  for (const t of SIZE_TOKENS) token[t] = Math.round((base.token?.[t] as number) * scale);
  return {
    token,
    components: {
      Menu: { itemHeight: Math.round(48 * scale), fontSize: token.fontSize, groupTitleFontSize: token.fontSizeSM },
      Pagination: { itemSize: Math.round(40 * scale) },
    },
  };
}

const TextSizeContext = createContext<{ size: TextSize; setSize: (s: TextSize) => void }>({
  size: 'normal',
  setSize: () => {},
});

export function useTextSize() {
  return useContext(TextSizeContext);
}

export function TextSizeProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const key = keyFor(me);
  const [size, setSizeState] = useState<TextSize>(() => readTextSize(key));
  useEffect(() => setSizeState(readTextSize(key)), [key]);
  const setSize = useCallback(
    (s: TextSize) => {
      setSizeState(s);
      try {
        localStorage.setItem(key, s);
        localStorage.setItem(LAST, s);
      } catch {
        // Not remembered (storage disabled); the choice still applies until the page is closed.
      }
    },
    [key],
  );
  const scale = textScale(size);
  useEffect(() => {
    document.documentElement.style.setProperty('--zx-font-size', `${16 * scale}px`);
    document.documentElement.dataset.textSize = size;
  }, [scale, size]);
  const themeConfig = useMemo(() => (scale === 1 ? {} : scaled(scale)), [scale]);
  const value = useMemo(() => ({ size, setSize }), [size, setSize]);
  return (
    <TextSizeContext.Provider value={value}>
      <ConfigProvider theme={themeConfig}>{children}</ConfigProvider>
    </TextSizeContext.Provider>
  );
}
