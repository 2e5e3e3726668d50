import type { Random } from '../random.ts';
import { type City, digitFrom2, digits, type Locale, namesFrom } from './locale.ts';

// Mobile numbers are 11 digits (`138 0013 8000`); landlines an area code and 8 digits.
const city = (name: string, areaCode: string, postalPrefix: string): City => ({
  name,
  postalCode: (random: Random) => `${postalPrefix}${digits(random, 3)}`,
  landline: (random) => {
    const a = `${digitFrom2(random)}${digits(random, 3)}`;
    const b = digits(random, 4);
    return { national: `0${areaCode} ${a} ${b}`, international: `+86 ${areaCode} ${a} ${b}` };
  },
});

const roads = namesFrom(
  '建国路 人民路 中山路 解放路 南京路 长安街 和平路 科技园路 滨江大道 淮海路',
);
const brands = namesFrom(
  '华信:Huaxin 东方:Dongfang 长城:Changcheng 恒通:Hengtong 鑫源:Xinyuan 金桥:Jinqiao ' +
    '天成:Tiancheng 宏达:Hongda',
);
const trades = namesFrom(
  '贸易:Trading 科技:Technology 电子:Electronics 物流:Logistics 咨询:Consulting 机械:Machinery',
);
const cityPrefixes = ['北京', '上海', '深圳', '广州', '杭州'];

/** Customers from mainland China, named in Chinese characters. */
export const cn: Locale = {
  code: 'CN',
  weight: 8,
  utcOffsetHours: 8,
  language: 'zh-CN',
  givenNames: namesFrom(
    '伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan ' +
      '杰:jie 涛:tao 明:ming 超:chao 秀英:xiuying 华:hua 建国:jianguo 晓明:xiaoming 婷:ting 雪:xue',
  ),
  familyNames: namesFrom(
    '王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 吴:wu 周:zhou 徐:xu 孙:sun ' +
      '马:ma 朱:zhu 胡:hu 郭:guo 何:he 林:lin 罗:luo 高:gao',
  ),
  cities: [
    city('北京市', '10', '100'),
    city('上海市', '21', '200'),
    city('广州市', '20', '510'),
    city('深圳市', '755', '518'),
    city('杭州市', '571', '310'),
    city('成都市', '28', '610'),
  ],
  streetLines: (random, company) => {
    const street = `${random.pick(roads).native}${random.int(1, 999)}号`;
    return company
      ? [street, `${random.pick(['A', 'B', 'C'])}座${random.int(2, 30)}层`]
      : [street, `${random.int(1, 30)}栋${random.int(101, 2808)}室`];
  },
  mobile: (random) => {
    const a = `1${random.pick(['38', '39', '36', '59', '58', '86', '88', '37', '35', '50'])}`;
    const b = digits(random, 4);
    const c = digits(random, 4);
    return { national: `${a} ${b} ${c}`, international: `+86 ${a} ${b} ${c}` };
  },
  companyName: (random) => {
    const brand = random.pick(brands);
    const trade = random.pick(trades);
    return {
      native: `${random.pick(cityPrefixes)}${brand.native}${trade.native}有限公司`,
      latin: `${brand.latin} ${trade.latin}`,
    };
  },
  companyMailboxes: ['info', 'sales', 'purchase', 'service'],
  currencies: [
    ['USD', 45],
    ['EUR', 55],
  ],
};
