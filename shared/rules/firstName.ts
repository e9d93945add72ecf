/**
 * What `{{customer.first_name}}` means for a name. Chinese names have no space to split on: the given name
 * follows the surname (one character, or a known compound surname such as 欧阳). Addressing someone by a
 * one-character given name (李娜 → 娜) is odd in service language, so a two-character name is used whole;
 * the same goes for any name where the split would leave fewer than two characters.
 * Latin-script names: the first word ("Emily Carter" → "Emily").
 */

/** Common two-character (compound) surnames, so 欧阳娜娜 → 娜娜 rather than 阳娜娜. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒',
  '西门', '端木', '独孤', '南宫', '万俟', '闻人', '轩辕', '澹台', '钟离', '申屠', '太史', '赫连', '呼延', '百里',
  '东郭', '濮阳', '公冶', '宗政', '拓跋', '淳于', '单于', '司空', '仲孙', '羊舌', '微生', '梁丘', '左丘', '第五',
]);

const HAN = /^\p{Script=Han}+$/u;

export function firstNameOf(fullName: string): string {
  const trimmed = fullName.trim();
  if (!trimmed) return '';
  // "王 小明" is still a Chinese name written surname first: drop the spaces before splitting.
  const despaced = trimmed.replace(/\s+/gu, '');
  const name = HAN.test(despaced) ? despaced : trimmed;
  // Han characters with a middle dot (e.g. transliterated 约翰·史密斯): the part before the dot.
  if (name.includes('·') || name.includes('•')) return name.split(/[·•]/u)[0].trim() || name;
  if (HAN.test(name)) {
    const chars = [...name];
    if (chars.length <= 2) return name;
    const surname = COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
    const given = chars.slice(surname).join('');
    return [...given].length >= 2 ? given : name;
  }
  return name.split(/\s+/u)[0];
}
