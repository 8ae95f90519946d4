// One normaliser for text that users type, paste or import: the same characters must be stored, indexed and searched
// whatever keyboard, input method or spreadsheet they came from (full-width 「５Ｇ」 is 5G, a zero-width space is nothing).

// Zero-width and other invisible format characters that pasted text and Excel cells carry: ZWSP/ZWNJ/ZWJ, word joiner
// and its invisible siblings, BOM, soft hyphen, bidi marks and embeddings, Mongolian vowel separator.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
// Control characters other than tab and newline (CR is folded into newline first).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// Every other kind of space (NBSP, ideographic space, thin/figure spaces …).
const SPACES = /[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

// Full-width letters, digits and the symbols written with them (ＰＭ２．５, １０％, Ａ－１) become half-width; Chinese
// punctuation (，：；！？（）) stays as Chinese writing uses it — full NFKC would turn it into ASCII.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff03-\uff06\uff0b\uff0d-\uff0f\uff20\uff3f]/g;
const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0);

/**
 * Text as it should be stored and compared: NFC, full-width letters and digits half-width (Chinese punctuation kept),
 * invisible and control characters removed, runs of spaces made one space, each line trimmed, the whole trimmed.
 * Line breaks and tabs are kept (a proposal's body has paragraphs).
 */
export function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(FULL_WIDTH, halfWidth)
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** A one-line value (a name, a title, a spreadsheet cell): as normaliseText, with line breaks and tabs made spaces. */
export function normaliseLine(s: string): string {
  return normaliseText(s)
    .replace(/[\n\t]+/g, ' ')
    .replace(/ {2,}/g, ' ');
}

/** normaliseText for optional values: null/undefined stay, an empty result becomes null. */
export function normaliseOptional(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = normaliseText(s);
  return t ? t : null;
}
