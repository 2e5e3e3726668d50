import type { Random } from '../random.ts';
import { type City, digits, type Locale, namesFrom } from './locale.ts';

// A one-digit area code takes 4+4 digits (`03-1234-5678`), a two-digit one 3+4 (`045-123-4567`).
const city = (name: string, areaCode: string, postalPrefix: string): City => ({
  name,
  postalCode: (random: Random) => `${postalPrefix}-${digits(random, 4)}`,
  landline: (random) => {
    const a = `${random.int(2, 9)}${digits(random, areaCode.length === 1 ? 3 : 2)}`;
    const b = digits(random, 4);
    return { national: `0${areaCode}-${a}-${b}`, international: `+81 ${areaCode}-${a}-${b}` };
  },
});

const towns = namesFrom(
  '丸の内 西新宿 梅田 みなとみらい 栄 天神 大通西 本町 銀座 港南 中之島 博多駅前',
);
const brands = namesFrom('富士:Fuji 桜:Sakura 東海:Tokai 日の出:Hinode 大和:Yamato 青葉:Aoba');
const trades = namesFrom(
  '製作所:Seisakusho 商事:Shoji 電機:Denki 物流:Butsuryu 工業:Kogyo 建設:Kensetsu',
);

/** Customers from Japan, named in kanji. */
export const jp: Locale = {
  code: 'JP',
  weight: 8,
  utcOffsetHours: 9,
  language: 'ja-JP',
  givenNames: namesFrom(
    '翔太:shota 陽菜:hina 蓮:ren 結衣:yui 大輔:daisuke 美咲:misaki 健太:kenta さくら:sakura ' +
      '拓也:takuya 愛:ai 直樹:naoki 由美:yumi 浩:hiroshi 恵:megumi 隆:takashi 真由美:mayumi ' +
      '和也:kazuya 彩:aya',
  ),
  familyNames: namesFrom(
    '佐藤:sato 鈴木:suzuki 高橋:takahashi 田中:tanaka 伊藤:ito 渡辺:watanabe 山本:yamamoto ' +
      '中村:nakamura 小林:kobayashi 加藤:kato 吉田:yoshida 山田:yamada 佐々木:sasaki ' +
      '山口:yamaguchi 松本:matsumoto 井上:inoue 木村:kimura 林:hayashi 清水:shimizu 斎藤:saito',
  ),
  cities: [
    city('東京都', '3', '100'),
    city('大阪市', '6', '530'),
    city('横浜市', '45', '220'),
    city('名古屋市', '52', '450'),
    city('福岡市', '92', '810'),
    city('京都市', '75', '600'),
  ],
  streetLines: (random) => [
    `${random.pick(towns).native}${random.int(1, 5)}丁目${random.int(1, 20)}-${random.int(1, 15)}`,
  ],
  mobile: (random) => {
    const a = random.pick(['90', '80', '70']);
    const b = `${random.int(1, 9)}${digits(random, 3)}`;
    const c = digits(random, 4);
    return { national: `0${a}-${b}-${c}`, international: `+81 ${a}-${b}-${c}` };
  },
  companyName: (random, family) => {
    const brand = random.chance(0.5) ? family : random.pick(brands);
    const trade = random.pick(trades);
    const capitalised = brand.latin.charAt(0).toUpperCase() + brand.latin.slice(1);
    return random.chance(0.6)
      ? { native: `株式会社${brand.native}${trade.native}`, latin: `${capitalised} ${trade.latin}` }
      : {
          native: `${brand.native}${trade.native}株式会社`,
          latin: `${capitalised} ${trade.latin}`,
        };
  },
  companyMailboxes: ['info', 'eigyo', 'soumu', 'contact'],
  currencies: [
    ['USD', 40],
    ['EUR', 60],
  ],
};
